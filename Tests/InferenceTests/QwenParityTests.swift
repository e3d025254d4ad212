import Foundation
@testable import Inference
import TestSupport
import Testing

/// What `make_qwen_parity_fixtures.py` recorded from llama.cpp on one Qwen2.5-Coder GGUF.
struct QwenParityFixture: Decodable {
    /// One `[token id, logit]` pair.
    struct TokenLogit: Decodable {
        let token: Int
        let logit: Double

        init(from decoder: Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            token = try pair.decode(Int.self)
            logit = try pair.decode(Double.self)
        }
    }

    /// The step at which llama.cpp's argmax was an end-of-generation token.
    struct EndOfGeneration: Decodable {
        let token: Int
        let top: [TokenLogit]
        let margin: Double
    }

    struct Case: Decodable {
        /// `chat` (the user message in the model's ChatML) or `raw` (a code prefix).
        let kind: String
        /// The user message of a chat case.
        let user: String?
        let text: String
        let promptIDs: [Int]
        /// The ten largest logits after the last prompt token.
        let topLogits: [TokenLogit]
        /// llama.cpp's greedy continuation, the end-of-generation token excluded.
        let generatedIDs: [Int]
        /// llama.cpp's best logit minus its second best at each generated step.
        let generatedMargins: [Double]
        /// llama.cpp's five best (token, logit) at each generated step.
        let generatedTop: [[TokenLogit]]
        let endOfGeneration: EndOfGeneration?

        enum CodingKeys: String, CodingKey {
            case kind, user, text
            case promptIDs = "prompt_ids"
            case topLogits = "top_logits"
            case generatedIDs = "generated_ids"
            case generatedMargins = "generated_margins"
            case generatedTop = "generated_top"
            case endOfGeneration = "end_of_generation"
        }
    }

    let reference: String
    let model: String
    let systemMessage: String
    let maxTokens: Int
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
        case reference, model, cases
        case systemMessage = "system_message"
        case maxTokens = "max_tokens"
    }
}

/// A Qwen2.5-Coder model loaded once for its suite, with its llama.cpp fixture, and the checks
/// both suites run: the generator for tokenizing and templating, a transformer of the same file
/// for logits at every position of a teacher-forced run.
final class QwenParityRun {
    let name: String
    let fixture: QwenParityFixture
    let generator: TextGenerator
    let transformer: Transformer

    /// Steps where llama.cpp's best logit leads its second by more than this must agree.
    static let clearMargin = 0.5
    /// The loose bound on |Proctor − llama.cpp| over llama.cpp's five best tokens.  // logits
    static let logitErrorBound: Float = 3.0
    static let contextCapacity = 1024
    static let threads = 2

    init(name: String, modelPath: String?, fixture fixtureName: String) throws {
        guard let modelPath else { throw ParityRunError.missingModel(name) }
        self.name = name
        fixture = try ModelFiles.json(QwenParityFixture.self, fixture: fixtureName)
        generator = try TextGenerator(modelPath: modelPath, contextCapacity: Self.contextCapacity, threads: Self.threads)
        transformer = try Transformer(file: GGUFFile(path: modelPath), capacity: Self.contextCapacity,
                                      threads: Self.threads, batchCapacity: 64)
    }

    enum ParityRunError: Error { case missingModel(String) }

    /// Proctor's token ids for every fixture prompt (special tokens parsed, no BOS) equal llama.cpp's.
    func checkPromptTokens() {
        for (index, testCase) in fixture.cases.enumerated() {
            let ids = generator.promptTokens(for: testCase.text, raw: true)
            let firstDifference = zip(ids, testCase.promptIDs).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            #expect(ids == testCase.promptIDs,
                    "\(name) prompt \(index): \(ids.count) tokens vs llama.cpp's \(testCase.promptIDs.count), first difference at \(firstDifference.map { "\($0)" } ?? "the end")")
        }
    }

    /// The model's own template, rendered by Proctor for each chat case's user message, is the
    /// fixture's prompt text (Qwen's default system message included) and tokenizes the same.
    func checkChatTemplate() throws {
        let template = try #require(generator.chatTemplate, "\(name): no chat template (\(generator.chatTemplateProblem ?? "none in the file"))")
        #expect(template.family == .chatML)
        #expect(template.defaultSystemMessage == fixture.systemMessage)
        let chatCases = fixture.cases.filter { $0.kind == "chat" }
        #expect(!chatCases.isEmpty)
        for testCase in chatCases {
            let user = try #require(testCase.user)
            #expect(template.render([ChatTemplate.Message(role: "user", content: user)]) == testCase.text)
            #expect(generator.promptTokens(for: user, raw: false) == testCase.promptIDs)
        }
    }

    /// Feeds each prompt and llama.cpp's greedy continuation through the transformer in chunks,
    /// with logits at every generated step (the end-of-generation step included): Proctor's
    /// argmax must be llama.cpp's token wherever llama.cpp's choice was clear, and its logits of
    /// llama.cpp's five best tokens must stay within the loose bound.
    func checkTeacherForced() {
        let vocabulary = transformer.config.vocabularySize
        let chunkSize = transformer.state.batchCapacity
        var clearSteps = 0, clearAgreements = 0, allSteps = 0, allAgreements = 0
        var worstTopError: Float = 0, topErrorSum: Float = 0, topErrorCount = 0, worstPromptError: Float = 0
        for (index, testCase) in fixture.cases.enumerated() {
            var expected = testCase.generatedIDs, margins = testCase.generatedMargins, tops = testCase.generatedTop
            if let end = testCase.endOfGeneration {
                expected.append(end.token)
                margins.append(end.margin)
                tops.append(end.top)
            }
            // Step i's logits follow the prompt and expected[..<i].
            let tokens = testCase.promptIDs + expected.dropLast()
            let firstLogitPosition = testCase.promptIDs.count - 1
            precondition(tokens.count <= transformer.state.capacity)
            transformer.state.unshare(0)
            var step = 0
            for chunkStart in stride(from: 0, to: tokens.count, by: chunkSize) {
                let batch = (chunkStart..<min(tokens.count, chunkStart + chunkSize)).map {
                    Transformer.BatchToken(token: tokens[$0], position: $0, sequence: 0, wantsLogits: $0 >= firstLogitPosition)
                }
                let logits = transformer.forward(batch)  // [rows wanting logits, vocab]
                for row in 0..<(logits.count / vocabulary) {
                    let rowLogits = UnsafeBufferPointer(rebasing: logits[(row * vocabulary)..<((row + 1) * vocabulary)])
                    if step == 0 {
                        for entry in testCase.topLogits {
                            worstPromptError = max(worstPromptError, abs(rowLogits[entry.token] - Float(entry.logit)))
                        }
                    }
                    for entry in tops[step] {
                        let error = abs(rowLogits[entry.token] - Float(entry.logit))
                        worstTopError = max(worstTopError, error)
                        topErrorSum += error
                        topErrorCount += 1
                    }
                    let choice = Sampler.argmax(rowLogits)
                    allSteps += 1
                    if choice == expected[step] { allAgreements += 1 }
                    if margins[step] > Self.clearMargin {
                        clearSteps += 1
                        if choice == expected[step] {
                            clearAgreements += 1
                        } else {
                            Issue.record("\(name) prompt \(index) step \(step): chose \(choice) (logit \(rowLogits[choice])), llama.cpp \(expected[step]) (Proctor's logit \(rowLogits[expected[step]])) by a margin of \(margins[step])")
                        }
                    }
                    step += 1
                }
            }
            #expect(step == expected.count, "\(name) prompt \(index): \(step) steps with logits, \(expected.count) expected")
        }
        let meanTopError = topErrorCount > 0 ? topErrorSum / Float(topErrorCount) : 0
        print("\(name) teacher-forced on llama.cpp's greedy path: \(clearAgreements)/\(clearSteps) clear steps agree (gap > \(Self.clearMargin)), \(allAgreements)/\(allSteps) all steps; |Proctor − llama.cpp| over llama.cpp's top-5: max \(worstTopError), mean \(meanTopError); over the prompt's top-10: max \(worstPromptError)")
        #expect(clearSteps > fixture.cases.count * 20, "\(name): only \(clearSteps) clear steps")
        #expect(clearAgreements == clearSteps)
        #expect(worstTopError < Self.logitErrorBound)
        #expect(worstPromptError < Self.logitErrorBound)
    }
}

/// Loaded on first use, once for the whole suite (mapping the file and building the
/// vocabulary take seconds); the suite is serialized, so a run is never used from two tests at once.
nonisolated(unsafe) private let qwen05Run = Result {
    try QwenParityRun(name: "Qwen2.5-Coder-0.5B", modelPath: ModelFiles.qwen05, fixture: "parity-qwen2.5-coder-0.5b-instruct.json")
}
nonisolated(unsafe) private let qwen15Run = Result {
    try QwenParityRun(name: "Qwen2.5-Coder-1.5B", modelPath: ModelFiles.qwen15, fixture: "parity-qwen2.5-coder-1.5b-instruct.json")
}

/// One model at a time: each run uses both cores.
@Suite("Qwen2.5-Coder parity with llama.cpp", .serialized)
struct QwenParityTests {
    @Suite("Qwen2.5-Coder-0.5B", .enabled(if: ModelFiles.qwen05 != nil, "\(ModelFiles.qwen05MissingReason)"))
    struct Small {
        @Test("tokenizes every parity prompt as llama.cpp does")
        func promptTokens() throws { try qwen05Run.get().checkPromptTokens() }

        @Test("renders the model's ChatML template, default system message included, as the fixture's chat prompts")
        func chatTemplate() throws { try qwen05Run.get().checkChatTemplate() }

        @Test("picks llama.cpp's token at every clear step of its greedy continuations, logits within 3 of llama.cpp's")
        func teacherForcedAgreement() throws { try qwen05Run.get().checkTeacherForced() }
    }

    @Suite("Qwen2.5-Coder-1.5B", .enabled(if: ModelFiles.qwen15 != nil, "\(ModelFiles.qwen15MissingReason)"))
    struct Large {
        @Test("tokenizes every parity prompt as llama.cpp does")
        func promptTokens() throws { try qwen15Run.get().checkPromptTokens() }

        @Test("renders the model's ChatML template, default system message included, as the fixture's chat prompts")
        func chatTemplate() throws { try qwen15Run.get().checkChatTemplate() }

        @Test("picks llama.cpp's token at every clear step of its greedy continuations, logits within 3 of llama.cpp's")
        func teacherForcedAgreement() throws { try qwen15Run.get().checkTeacherForced() }
    }
}
