/// The prompt a model is given for one problem, in one format: chat messages (with the start of
/// the assistant's reply, when it is prefilled) or a text to continue, the stop strings that
/// format adds, and what extraction needs to know about the reply.
public struct CodePrompt: Sendable, Equatable {
    /// The prompt layouts, named as samples files and manifests record them.
    public enum Format: String, Sendable, CaseIterable {
        /// EvalPlus's instruct prompt for function problems: the prompt in a fenced block, "a
        /// self-contained Python script … in a markdown code block", the reply prefilled up to ```python.
        case evalPlusInstruct = "evalplus-instruct"
        /// Proctor's prompt for stdin problems: an instruction to write a whole program that
        /// reads standard input, the statement, and the reply prefilled up to ```python, so a
        /// chat model can only continue with code (LiveCodeBench's prompt lets Qwen2.5-Coder
        /// answer with its `# YOUR CODE HERE` placeholder instead).
        case stdinInstruct = "stdin-instruct"
        /// LiveCodeBench's code-generation prompt: a system message, then Question / Format / Answer.
        case liveCodeBench = "livecodebench"
        /// The problem's prompt (HumanEval) or statement (the rest) as plain text to continue.
        case completion
    }

    /// A chat message: role and content.
    public struct Message: Codable, Sendable, Equatable {
        public var role: String
        public var content: String

        public init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    public var format: Format
    /// The conversation for chat formats; empty for `completion`.
    public var messages: [Message]
    /// Text written after the template's assistant header, which the model continues; "" for none.
    public var responsePrefix: String
    /// The text to continue, for `completion`; "" for chat formats.
    public var text: String
    /// Stop strings the format adds to the caller's.
    public var stopStrings: [String]
    /// Whether the reply begins inside a ```python block: the prefix opened one, or a completion
    /// continues the prompt's code.
    public var startsInCode: Bool

    public var isChat: Bool { format != .completion }
}
