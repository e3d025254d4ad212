import Foundation
import Inference
import Judge
import Samples

/// Samples completions for every problem from a native model and appends them, one JSON line
/// each, flushed to disk after each problem, to a samples file that `proctor judge` reads.
public final class SampleGenerator: SampleBackend {
    let generator: TextGenerator
    let settings: GenerationSettings
    /// The LoRA adapter the generator applies while this runs; nil for the model alone.
    let adapter: ProjectionAdapter?

    public init(generator: TextGenerator, settings: GenerationSettings, adapter: ProjectionAdapter? = nil) {
        self.generator = generator
        self.settings = settings
        self.adapter = adapter
    }

    /// The prompt `problem` gets under the settings' style: a chat format when the style asks
    /// for one and the model has a chat template, plain completion otherwise.
    public func prompt(for problem: Problem) -> CodePrompt {
        let format = settings.promptStyle.format(for: problem, chatModel: generator.chatTemplate != nil)
        return CodeGenerationPrompt.prompt(for: problem, format: format, language: settings.language)
    }

    /// The exact text the model is fed: the messages through the chat template, then the
    /// prefilled start of the reply; or the completion text as it is.
    public func promptText(for prompt: CodePrompt) -> String {
        guard prompt.isChat, let template = generator.chatTemplate else { return prompt.text }
        return template.render(prompt.messages.map { ChatTemplate.Message(role: $0.role, content: $0.content) })
            + prompt.responsePrefix
    }

    /// Prompt token ids for a problem.
    public func promptTokens(for problem: Problem) -> [Int] {
        generator.promptTokens(for: promptText(for: prompt(for: problem)), raw: true)
    }

    /// Generates what `out` does not hold yet (with `resume`) and appends it. Problems decode
    /// together, `parallelSequences` samples at a time (continuous batching: a finished
    /// problem's place goes at once to the next); the missing samples of one problem share its
    /// prompt's cache. Each sample keeps its own seed, and every sample is token for token what
    /// it would be generated alone, so the text does not depend on which others were decoded
    /// with it. A problem's samples are appended when its last one finishes, so the file's
    /// order may differ from the problems' order. `seconds` of a record is the time from the
    /// problem's admission until that sample finished, overlapping with the others in the batch.
    /// `notice` hears of repairs (a partial last line cut).
    public func run(problems: [Problem], out: String, resume: Bool, notice: ((String) -> Void)? = nil,
                    progress: (@Sendable (GenerationProgress) -> Void)? = nil) throws {
        generator.adapter = adapter
        if settings.promptStyle != .raw, let problem = generator.chatTemplateProblem {
            // A chat model whose template is not understood must not be prompted as a base model.
            throw EvaluationError("\(problem); give a chat template the model follows, or prompt style 'raw'",
                                  field: "prompt_style")
        }
        if settings.promptStyle == .chat && generator.chatTemplate == nil {
            throw EvaluationError("prompt style 'chat' needs a chat template and the model has none: use 'auto' or "
                + "'raw', or give the model a template (--chat-template)", field: "prompt_style")
        }
        let file = try SamplesFile(path: out, resume: resume)
        if let repair = file.repairNote { notice?(repair) }
        // Per problem, the sample indices still missing: generated together over one prompt.
        struct Work {
            let problem: Problem
            let indices: [Int]
            let prompt: CodePrompt
            let text: String
            let record: SampleRecord
            let samplings: [SamplingParameters]
        }
        let work: [Work] = problems.compactMap { problem in
            let indices = (0..<settings.samplesPerProblem).filter {
                !file.contains(problemID: problem.id, checkpoint: settings.checkpoint, index: $0)
            }
            guard !indices.isEmpty else { return nil }
            let prompt = self.prompt(for: problem)
            let text = promptText(for: prompt)
            let record = SampleRecord(prompt: prompt, text: text, settings: settings,
                                      chatTemplate: prompt.isChat ? generator.chatTemplate?.family.rawValue : nil)
            let samplings = indices.map { index in
                var sampling = settings.sampling
                sampling.seed = GenerationSettings.seed(base: settings.sampling.seed, problemID: problem.id, index: index)
                sampling.stopStrings = settings.stopStrings(for: prompt)
                return sampling
            }
            return Work(problem: problem, indices: indices, prompt: prompt, text: text, record: record, samplings: samplings)
        }
        let requests = work.map { item in
            DecodeRequest(prompt: generator.promptTokens(for: item.text, raw: true),
                              samplings: item.samplings, maxTokens: settings.maxTokens)
        }
        let total = work.reduce(0) { $0 + $1.indices.count }
        let started = Date()
        // Tokens count as they are decoded (rows in flight included), and progress is told at
        // least every second, so the rate is right while long samples are still decoding.
        var generated = 0, finished = 0, reported = Date()
        let countToken: (Int, Int, Int) -> Bool = { _, _, _ in
            generated += 1
            if Date().timeIntervalSince(reported) >= 1 {
                reported = Date()
                progress?(GenerationProgress(done: finished, total: total, generatedTokens: generated,
                                             elapsedSeconds: reported.timeIntervalSince(started)))
            }
            return true
        }
        try generator.generate(requests: requests, maxSequences: settings.parallelSequences,
                               onToken: countToken) { (request, generations) throws(any Error) in
            let item = work[request]
            var records: [SampleRecord] = []
            for ((index, sampling), generation) in zip(zip(item.indices, item.samplings), generations) {
                var record = item.record
                record.problemID = item.problem.id
                record.sampleIndex = index
                record.output = generation.text
                let language = settings.language(for: item.problem)
                record.code = settings.extractor.extractAnswer(generation.text, entryPoint: item.problem.entryPoint,
                                                               startsInCode: item.prompt.startsInCode, preferring: language)
                record.language = language == .python ? nil : language.id
                record.promptTokens = generation.promptTokenCount
                record.completionTokens = generation.tokens.count
                record.reasoningTokens = SampleRecord.reasoningTokenCount(generation.text, completionTokens: generation.tokens.count,
                                                                          tokenizer: generator.tokenizer)
                record.stopReason = generation.stopReason.rawValue
                record.seconds = generation.prefillSeconds + generation.decodeSeconds
                record.seed = Int(truncatingIfNeeded: sampling.seed)
                records.append(record)
            }
            try file.append(records)
            finished += item.indices.count
            progress?(GenerationProgress(done: finished, total: total, generatedTokens: generated,
                                         elapsedSeconds: Date().timeIntervalSince(started)))
        }
    }
}
