import Inference
import OpenAIWire

/// One request for the native engine, already checked: what to condition on and how to sample.
public struct EngineJob: Sendable {
    /// What the model reads first.
    public enum Prompt: Sendable {
        /// Messages rendered through the model's chat template.
        case chat([ChatMessage])
        /// Text used as is (special tokens parsed, BOS only when the model asks for it).
        case text(String)
    }

    public var prompt: Prompt
    /// Choices wanted.
    public var count: Int
    /// Most tokens per choice; nil fills the context.
    public var maxTokens: Int?
    /// Choice i samples with seed `sampling.seed + i`.
    public var sampling: SamplingParameters
    /// Strings that end a choice; the text stops before the first one found.
    public var stop: [String]
    /// The LoRA adapter the served model name selects; nil for the base model alone.
    public var adapter: ProjectionAdapter? = nil
}

/// What the engine produced for a job.
public struct EngineResult: Sendable {
    /// One choice's text and why it ended.
    public struct Choice: Sendable {
        public var text: String
        /// OpenAI's finish reason: "stop" or "length".
        public var finishReason: String
        public var completionTokens: Int
    }

    public var promptTokens: Int
    public var choices: [Choice]
}
