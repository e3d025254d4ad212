import Foundation
import Inference
import Judge
import OpenAIWire
import Samples

/// How a problem set is sampled from an OpenAI-compatible server.
public struct RemoteGenerationSettings: Sendable {
    /// Which API each problem goes to.
    public enum EndpointChoice: String, Sendable, CaseIterable {
        /// Chat for problems with a chat prompt (LiveCodeBench), completion for plain prompts (HumanEval).
        case auto
        case chat
        case completion
    }

    public var endpoint: EndpointChoice
    /// The model name sent with each request; nil sends the checkpoint label (vLLM names LoRA
    /// modules this way: `--lora-modules label=path`).
    public var model: String?
    /// Requests in flight at once.
    public var concurrency: Int
    /// Most samples asked for in one request (`n`).
    public var samplesPerRequest: Int
    /// Strings that end a sample (not part of its output).
    public var stop: [String]
    /// The model's chat template, applied here: chat prompts are rendered as the native engine
    /// renders them, reply prefill included, and sent to the completion endpoint, so a server
    /// sees token for token the prompt Proctor's own engine would decode. Nil leaves templating
    /// to the server (the chat endpoint, which cannot continue a prefilled reply).
    public var chatTemplate: ChatTemplate?
    /// Fields added to every request as they are: a server's own options that OpenAI's API lacks,
    /// such as `repeat_penalty` (llama.cpp's server applies 1.1 unless told otherwise). Recorded
    /// in each sample as `request_fields`.
    public var requestFields: [String: JSONValue]

    public init(endpoint: EndpointChoice = .auto, model: String? = nil, concurrency: Int = 4,
                samplesPerRequest: Int = 16, stop: [String] = [], chatTemplate: ChatTemplate? = nil,
                requestFields: [String: JSONValue] = [:]) {
        self.requestFields = requestFields
        self.endpoint = endpoint
        self.model = model
        self.concurrency = concurrency
        self.samplesPerRequest = samplesPerRequest
        self.stop = stop
        self.chatTemplate = chatTemplate
    }
}

/// Samples completions for every problem from an OpenAI-compatible server and appends them to a
/// samples file in the same format as the native backend: `n` samples per request where the
/// server honours it, a bounded number of requests in flight, each answer's samples written and
/// flushed together as soon as it arrives, so an interrupted run resumes without losing or
/// repeating a sample.
public final class RemoteSampleGenerator: SampleBackend, Sendable {
    let client: OpenAIClient
    let settings: GenerationSettings
    let remote: RemoteGenerationSettings
    private let shape = RequestShape()

    public init(client: OpenAIClient, settings: GenerationSettings, remote: RemoteGenerationSettings) {
        self.client = client
        self.settings = settings
        self.remote = remote
    }

    /// The samples of one problem that one or more requests produce.
    struct WorkUnit: Sendable {
        var problem: Problem
        /// Sample indices still missing.  // ascending
        var indices: [Int]
    }

    /// What a finished work unit produced, for progress.
    struct UnitOutcome: Sendable {
        var samples: Int
        var completionTokens: Int
    }

    /// Generates what `out` does not hold yet (with `resume`) and appends it. On a request that
    /// fails for good, the samples already finished stay in `out` and the error is thrown.
    /// `notice` hears of repairs (a partial last line cut).
    public func run(problems: [Problem], out: String, resume: Bool, notice: ((String) -> Void)? = nil,
                    progress: (@Sendable (GenerationProgress) -> Void)? = nil) async throws {
        let file = try SamplesFile(path: out, resume: resume)
        if let repair = file.repairNote { notice?(repair) }
        var units: [WorkUnit] = []
        for problem in problems {
            let missing = (0..<settings.samplesPerProblem).filter {
                !file.contains(problemID: problem.id, checkpoint: settings.checkpoint, index: $0)
            }
            for start in stride(from: 0, to: missing.count, by: max(remote.samplesPerRequest, 1)) {
                let end = min(start + remote.samplesPerRequest, missing.count)
                units.append(WorkUnit(problem: problem, indices: Array(missing[start..<end])))
            }
        }
        let total = units.reduce(0) { $0 + $1.indices.count }
        let started = Date()
        try await withThrowingTaskGroup(of: UnitOutcome.self) { group in
            var pending = units.makeIterator()
            var inFlight = 0
            while inFlight < max(remote.concurrency, 1), let unit = pending.next() {
                group.addTask { try await self.generate(unit, into: file) }
                inFlight += 1
            }
            var done = 0
            var tokens = 0
            while let outcome = try await group.next() {
                done += outcome.samples
                tokens += outcome.completionTokens
                progress?(GenerationProgress(done: done, total: total, generatedTokens: tokens,
                                             elapsedSeconds: Date().timeIntervalSince(started)))
                if let unit = pending.next() { group.addTask { try await self.generate(unit, into: file) } }
            }
        }
    }

    /// The prompt a problem gets from a server, whose model kind Proctor cannot see: the
    /// `chat` and `raw` styles as asked; `auto` follows the endpoint (chat prompts for chat,
    /// completion for completion) and, with the endpoint on auto too, sends function problems
    /// as completions and the rest as chat prompts (`stdin-instruct` for stdin problems,
    /// LiveCodeBench's under `livecodebench`). A chat API cannot continue a
    /// prefilled reply, so EvalPlus's instruction goes without its response prefix.
    func prompt(for problem: Problem) -> CodePrompt {
        if remote.chatTemplate != nil {
            // Templated here: the native engine's prompt for a chat model, reply prefill included.
            return CodeGenerationPrompt.prompt(for: problem, format: settings.promptStyle.format(for: problem, chatModel: true),
                                               language: settings.language)
        }
        let chat: Bool
        switch (settings.promptStyle, remote.endpoint) {
        case (.chat, _): chat = true
        case (.raw, _): chat = false
        case (.auto, .chat), (.livecodebench, .chat): chat = true
        case (.auto, .completion), (.livecodebench, .completion): chat = false
        case (.auto, .auto), (.livecodebench, .auto): chat = problem.entryPoint == nil
        }
        let chatStyle = settings.promptStyle == .livecodebench ? PromptStyle.livecodebench : .chat
        let format = (chat ? chatStyle : PromptStyle.raw).format(for: problem, chatModel: true)
        return CodeGenerationPrompt.prompt(for: problem, format: format, prefill: false, language: settings.language)
    }

    /// What is sent for a problem: its chat messages, or its plain prompt text; a chat prompt
    /// forced to the completion endpoint is sent as its user message, and plain text forced to
    /// the chat endpoint as one user message.
    func request(for prompt: CodePrompt) -> (OpenAIClient.Endpoint, [ChatMessage]?, String?) {
        if let template = remote.chatTemplate, prompt.isChat {
            let messages = prompt.messages.map { ChatTemplate.Message(role: $0.role, content: $0.content) }
            return (.completion, nil, template.render(messages) + prompt.responsePrefix)
        }
        let endpoint: OpenAIClient.Endpoint
        switch remote.endpoint {
        case .auto: endpoint = prompt.isChat ? .chat : .completion
        case .chat: endpoint = .chat
        case .completion: endpoint = .completion
        }
        let plain = prompt.isChat ? (prompt.messages.last { $0.role == "user" }?.content ?? "") : prompt.text
        switch endpoint {
        case .chat:
            let messages = prompt.isChat ? prompt.messages : [CodePrompt.Message(role: "user", content: plain)]
            return (.chat, messages.map { ChatMessage(role: $0.role, content: $0.content) }, nil)
        case .completion:
            return (.completion, nil, plain)
        }
    }

    /// Requests the unit's samples, asking again for what a server that ignores `n` left out.
    func generate(_ unit: WorkUnit, into file: SamplesFile) async throws -> UnitOutcome {
        let prompt = self.prompt(for: unit.problem)
        let (endpoint, messages, text) = request(for: prompt)
        var sent = settings
        sent.sampling.stopStrings = remote.stop + settings.sampling.stopStrings.filter { !remote.stop.contains($0) }
        let stop = sent.stopStrings(for: prompt)
        let templated = remote.chatTemplate != nil && prompt.isChat
        var template = SampleRecord(prompt: prompt, text: text, settings: sent,
                                    chatTemplate: templated ? remote.chatTemplate?.family.rawValue : nil)
        if !remote.requestFields.isEmpty {
            template.requestFields = remote.requestFields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        }
        if let messages {
            // The server applies its own chat template: the messages are what was sent.
            template.promptMessages = messages.map { CodePrompt.Message(role: $0.role, content: $0.content) }
        }
        let model = remote.model ?? settings.checkpoint
        var remaining = unit.indices[...]
        var outcome = UnitOutcome(samples: 0, completionTokens: 0)
        while let first = remaining.first {
            let count = shape.ignoresN ? 1 : remaining.count
            let seed = GenerationSettings.seed(base: settings.sampling.seed, problemID: unit.problem.id, index: first)
            var request = GenerationRequest(
                model: model, messages: messages, prompt: text, n: count,
                temperature: settings.sampling.temperature, topP: settings.sampling.topP,
                topK: settings.sampling.topK > 0 ? settings.sampling.topK : nil, maxTokens: settings.maxTokens,
                seed: seed, stop: stop.isEmpty ? nil : Array(stop.prefix(Self.stopStringsPerRequest)))
            request.extraFields = remote.requestFields
            let last = remaining.prefix(count).last!
            let purpose = "problem \(unit.problem.id), sample\(count == 1 ? " \(first)" : "s \(first)–\(last)")"
            let started = Date()
            let response = try await client.generate(request, endpoint: endpoint, purpose: purpose)
            let seconds = Date().timeIntervalSince(started)
            let choices = response.choices.sorted { $0.index < $1.index }.prefix(count)
            if choices.count < count { shape.noteIgnoresN() }
            var records: [SampleRecord] = []
            for (choice, index) in zip(choices, remaining) {
                // Stop strings beyond what a request may carry are applied here, with the same result.
                let (output, cut) = Self.cut(choice.text ?? choice.message?.content ?? "", atFirstOf: stop)
                var record = template
                record.problemID = unit.problem.id
                record.sampleIndex = index
                record.output = output
                let language = settings.language(for: unit.problem)
                record.code = settings.extractor.extractAnswer(output, entryPoint: unit.problem.entryPoint,
                                                               startsInCode: prompt.startsInCode, preferring: language)
                record.language = language == .python ? nil : language.id
                record.stopReason = cut ? TextGenerator.StopReason.stopString.rawValue : Self.stopReason(choice.finishReason)
                record.seconds = seconds
                record.seed = Int(truncatingIfNeeded: seed)
                record.model = response.model ?? model
                if let usage = response.usage {
                    record.promptTokens = usage.promptTokens
                    // Usage counts the whole request: per sample only when it holds one choice.
                    if choices.count == 1 {
                        record.completionTokens = usage.completionTokens
                    } else {
                        record.requestCompletionTokens = usage.completionTokens
                        record.requestSamples = choices.count
                    }
                }
                records.append(record)
            }
            try file.append(records)
            remaining = remaining.dropFirst(choices.count)
            outcome.samples += choices.count
            outcome.completionTokens += response.usage?.completionTokens ?? 0
        }
        return outcome
    }

    /// Most stop strings one request carries: OpenAI's limit, which `proctor serve` enforces too
    /// (HumanEval's completions have five).
    static let stopStringsPerRequest = 4

    /// `text` up to the earliest occurrence of any of `stops`, and whether one occurred.
    static func cut(_ text: String, atFirstOf stops: [String]) -> (String, Bool) {
        let earliest = stops.compactMap { text.range(of: $0)?.lowerBound }.min()
        return earliest.map { (String(text[..<$0]), true) } ?? (text, false)
    }

    /// The native backend's stop reason for an OpenAI `finish_reason`.
    static func stopReason(_ finishReason: String?) -> String {
        switch finishReason {
        case "stop": return TextGenerator.StopReason.endOfGeneration.rawValue
        case "length": return TextGenerator.StopReason.maxTokens.rawValue
        default: return finishReason ?? "unknown"
        }
    }
}

/// Whether the server has answered a request for `n` choices with fewer, so that the rest of the
/// run asks for one at a time.
final class RequestShape: @unchecked Sendable {
    private let lock = NSLock()
    private var ignores = false

    var ignoresN: Bool { lock.withLock { ignores } }

    func noteIgnoresN() { lock.withLock { ignores = true } }
}
