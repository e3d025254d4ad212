/// How a problem set is put to a model: `--prompt-style` of `proctor generate`, a checkpoint's
/// `prompt_style` in an evaluation config. The style picks a `CodePrompt.Format` per problem.
public enum PromptStyle: String, Sendable, CaseIterable, Codable {
    /// Chat prompts for a model with a chat template, plain completion for one without.
    case auto
    /// Chat prompts: EvalPlus's instruction for function problems, LiveCodeBench's for the rest.
    case chat
    /// The problem's own prompt as text to continue, with HumanEval's stop strings for function problems.
    case raw

    /// The format `problem` gets from a model that has a chat template (`chatModel`) or not.
    public func format(for problem: Problem, chatModel: Bool) -> CodePrompt.Format {
        switch self {
        case .raw: return .completion
        case .auto where !chatModel: return .completion
        case .auto, .chat: return problem.entryPoint == nil ? .liveCodeBench : .evalPlusInstruct
        }
    }

    /// The formats this style may choose between, whatever the model.
    public var formats: [CodePrompt.Format] {
        switch self {
        case .auto: return CodePrompt.Format.allCases
        case .chat: return [.evalPlusInstruct, .liveCodeBench]
        case .raw: return [.completion]
        }
    }
}
