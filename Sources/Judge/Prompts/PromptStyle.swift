/// How a problem set is put to a model: `--prompt-style` of `proctor generate`, a checkpoint's
/// `prompt_style` in an evaluation config. The style picks a `CodePrompt.Format` per problem.
public enum PromptStyle: String, Sendable, CaseIterable, Codable {
    /// Chat prompts for a model with a chat template, plain completion for one without.
    case auto
    /// Chat prompts: EvalPlus's instruction for function problems, Proctor's `stdin-instruct` for
    /// stdin problems, LiveCodeBench's for call-based ones (starter code).
    case chat
    /// As `auto`, but stdin problems get LiveCodeBench's exact prompt, for numbers comparable
    /// with published LiveCodeBench scores (Qwen2.5-Coder often answers it with the prompt's
    /// `# YOUR CODE HERE` placeholder; the NC verdict counts those).
    case livecodebench
    /// The problem's own prompt as text to continue, with HumanEval's stop strings for function problems.
    case raw

    /// The format `problem` gets from a model that has a chat template (`chatModel`) or not.
    public func format(for problem: Problem, chatModel: Bool) -> CodePrompt.Format {
        switch self {
        case .raw: return .completion
        case .auto where !chatModel, .livecodebench where !chatModel: return .completion
        case .auto, .chat, .livecodebench:
            if problem.entryPoint != nil { return .evalPlusInstruct }
            if !problem.starterCode.isEmpty || self == .livecodebench { return .liveCodeBench }
            return .stdinInstruct
        }
    }

    /// The formats this style may choose between, whatever the model.
    public var formats: [CodePrompt.Format] {
        switch self {
        case .auto: return [.evalPlusInstruct, .stdinInstruct, .liveCodeBench, .completion]
        case .chat: return [.evalPlusInstruct, .stdinInstruct, .liveCodeBench]
        case .livecodebench: return [.evalPlusInstruct, .liveCodeBench, .completion]
        case .raw: return [.completion]
        }
    }
}
