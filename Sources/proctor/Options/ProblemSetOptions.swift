import ArgumentParser
import Judge
import Samples

/// How `proctor generate` samples a problem set (`--problems`): where samples go, which
/// problems, how they are prompted and decoded.
struct ProblemSetOptions: ParsableArguments {
    @Option(help: "A problem set (folder, problem folder, or LiveCodeBench/HumanEval JSONL) to sample for.")
    var problems: String?

    @Option(help: "The samples file to append to (with --problems).")
    var out: String?

    @Flag(help: "Keep the samples already in --out and generate only the rest.")
    var resume = false

    @Option(help: "Only the first N problems of the set (with --problems).")
    var limit: Int?

    @Option(help: ArgumentHelp("How problems are put to the model (with --problems): auto (chat prompts for a model with a chat template: EvalPlus's for function problems, stdin-instruct — the statement, the reply opened at ```python — for stdin problems; plain completion for a model without one), chat (chat prompts, or an error), livecodebench (as auto with LiveCodeBench's exact prompt for stdin problems, for comparison with published LCB numbers) or raw.", valueName: "style"))
    var promptStyle: PromptStyle = .auto

    @Option(help: ArgumentHelp("How code is taken from each output (with --problems): auto, last-fence (LiveCodeBench's rule), first-python or none.", valueName: "rule"))
    var extractor: CodeExtractor = .auto

    @Option(help: ArgumentHelp("With --problems: samples decoded at once across problems (continuous batching; a problem's --n samples stay together). Outputs do not depend on it.", valueName: "N"))
    var parallel: Int = GenerationSettings.defaultParallelSequences

    @Option(help: ArgumentHelp("The language stdin problems' programs are asked in (with --problems): python, c, cpp17, cpp20, java, go, rust, javascript. Prompts name it and open its fence; samples record it for the judge. Function problems stay Python.", valueName: "language"))
    var language: Language = .python

    func validate() throws {
        if problems != nil && out == nil { throw ValidationError("--problems needs --out, the samples file to write.") }
        guard parallel >= 1 else { throw ValidationError("--parallel must be at least 1.") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }
}

extension PromptStyle: ExpressibleByArgument {}

extension CodeExtractor: ExpressibleByArgument {}

extension Language: ExpressibleByArgument {
    public init?(argument: String) {
        guard let language = Language.named(argument) else { return nil }
        self = language
    }

    public static var allValueStrings: [String] { Language.all.map(\.id) }
}
