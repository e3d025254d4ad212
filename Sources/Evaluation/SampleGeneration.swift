import Foundation
import Inference
import Judge

/// How samples are drawn for a problem set.
public struct GenerationSettings: Sendable {
    /// Samples per problem.
    public var samplesPerProblem: Int
    public var maxTokens: Int
    public var sampling: SamplingParameters
    /// The checkpoint label written with every sample.
    public var checkpoint: String
    /// How code is taken from the raw output (recorded as the sample's `code`).
    public var extractor: CodeExtractor

    public init(samplesPerProblem: Int = 1, maxTokens: Int = 512, sampling: SamplingParameters = SamplingParameters(),
                checkpoint: String = "base", extractor: CodeExtractor = .lastFence) {
        self.samplesPerProblem = samplesPerProblem
        self.maxTokens = maxTokens
        self.sampling = sampling
        self.checkpoint = checkpoint
        self.extractor = extractor
    }
}

/// Progress of a generation run, after each problem's samples.
public struct GenerationProgress: Sendable {
    public var done: Int
    public var total: Int
    public var generatedTokens: Int
    public var elapsedSeconds: Double

    public init(done: Int, total: Int, generatedTokens: Int, elapsedSeconds: Double) {
        self.done = done
        self.total = total
        self.generatedTokens = generatedTokens
        self.elapsedSeconds = elapsedSeconds
    }
}

/// Samples completions for every problem from a native model and appends them, one JSON line
/// each, flushed to disk after each problem, to a samples file that `proctor judge` reads.
public final class SampleGenerator {
    let generator: TextGenerator
    let settings: GenerationSettings

    public init(generator: TextGenerator, settings: GenerationSettings) {
        self.generator = generator
        self.settings = settings
    }

    /// Prompt token ids for a problem: LiveCodeBench's chat prompt through the model's template,
    /// or the raw prompt for plain-completion problems.
    public func promptTokens(for problem: Problem) -> [Int] {
        guard let messages = CodeGenerationPrompt.messages(for: problem), let template = generator.chatTemplate else {
            return generator.promptTokens(for: problem.starterCode.isEmpty ? problem.statement : problem.starterCode, raw: true)
        }
        let text = template.render(messages.map { ChatTemplate.Message(role: $0.role, content: $0.content) })
        return generator.promptTokens(for: text, raw: true)
    }

    /// Generates what `out` does not hold yet (with `resume`) and appends it. The missing
    /// samples of one problem decode together as one batch over the prompt's shared cache;
    /// each keeps its own seed, so a sample's text does not depend on which others were
    /// generated with it. `seconds` of a record is the prompt's time plus the time until that
    /// sample finished, overlapping with the other samples of its batch.
    public func run(problems: [Problem], out: String, resume: Bool,
                    progress: ((GenerationProgress) -> Void)? = nil) throws {
        let file = try SamplesFile(path: out, resume: resume)
        // Per problem, the sample indices still missing: generated together in one batch.
        let work = problems.map { problem in
            (problem, (0..<settings.samplesPerProblem).filter {
                !file.contains(problemID: problem.id, checkpoint: settings.checkpoint, index: $0)
            })
        }.filter { !$0.1.isEmpty }
        let total = work.reduce(0) { $0 + $1.1.count }
        let started = Date()
        var generated = 0, finished = 0
        for (problem, indices) in work {
            let prompt = promptTokens(for: problem)
            let samplings = indices.map { index in
                var sampling = settings.sampling
                sampling.seed = Self.seed(base: settings.sampling.seed, problemID: problem.id, index: index)
                return sampling
            }
            let generations = generator.generate(prompt: prompt, samplings: samplings, maxTokens: settings.maxTokens)
            var records: [[String: Any]] = []
            for ((index, sampling), generation) in zip(zip(indices, samplings), generations) {
                generated += generation.tokens.count
                records.append([
                    "problem_id": problem.id, "checkpoint": settings.checkpoint, "sample_index": index,
                    "output": generation.text, "code": settings.extractor.extract(generation.text),
                    "prompt_tokens": generation.promptTokenCount, "completion_tokens": generation.tokens.count,
                    "stop_reason": generation.stopReason.rawValue,
                    "seconds": generation.prefillSeconds + generation.decodeSeconds, "seed": Int(truncatingIfNeeded: sampling.seed),
                ])
            }
            try file.append(records)
            finished += indices.count
            progress?(GenerationProgress(done: finished, total: total, generatedTokens: generated,
                                         elapsedSeconds: Date().timeIntervalSince(started)))
        }
    }

    /// A seed per (problem, sample) so that runs are reproducible and samples differ.
    public static func seed(base: UInt64, problemID: String, index: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in problemID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return base &+ hash &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
    }
}
