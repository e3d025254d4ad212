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
    /// How problems are put to the model (the format of each is recorded with its samples).
    public var promptStyle: PromptStyle
    /// How code is taken from the raw output (recorded as the sample's `code`).
    public var extractor: CodeExtractor
    /// How many samples decode at once, across problems (a problem's samples are never split).
    public var parallelSequences: Int
    /// The language standard-input problems' programs are asked in (function problems are Python's).
    public var language: Language

    /// The default `parallelSequences`: on two cores, eight rows per step reads each weight
    /// once for eight tokens while a step stays short enough for newcomers' prompts.
    public static let defaultParallelSequences = 8

    public init(samplesPerProblem: Int = 1, maxTokens: Int = 512, sampling: SamplingParameters = SamplingParameters(),
                checkpoint: String = "base", promptStyle: PromptStyle = .auto, extractor: CodeExtractor = .auto,
                parallelSequences: Int = GenerationSettings.defaultParallelSequences, language: Language = .python) {
        self.language = language
        self.samplesPerProblem = samplesPerProblem
        self.maxTokens = maxTokens
        self.sampling = sampling
        self.checkpoint = checkpoint
        self.promptStyle = promptStyle
        self.extractor = extractor
        self.parallelSequences = parallelSequences
    }

    /// The language `problem`'s program is asked in, and recorded with its samples when not Python.
    public func language(for problem: Problem) -> Language {
        problem.kind == .standardIO ? language : .python
    }

    /// The stop strings of a sample of `prompt`: the caller's, then the format's.
    public func stopStrings(for prompt: CodePrompt) -> [String] {
        sampling.stopStrings + prompt.stopStrings.filter { !sampling.stopStrings.contains($0) }
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
