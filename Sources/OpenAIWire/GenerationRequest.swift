/// The body of `POST /v1/chat/completions` (with `messages`) or `POST /v1/completions` (with
/// `prompt`): the fields Proctor sends and `proctor serve` reads; other fields are ignored.
public struct GenerationRequest: Codable, Sendable, Equatable {
    /// The served model: a checkpoint label, or a LoRA module's name on vLLM.
    public var model: String
    /// Chat requests only.
    public var messages: [ChatMessage]?
    /// Completion requests only: the raw prompt text.
    public var prompt: String?
    /// Choices wanted.
    public var n: Int?
    public var temperature: Float?
    public var topP: Float?
    /// Keep only the k most likely tokens (vLLM and llama.cpp read it; not in OpenAI's API).
    public var topK: Int?
    /// Most tokens per choice.
    public var maxTokens: Int?
    public var seed: UInt64?
    public var stop: StopSequences?
    public var stream: Bool?

    public init(model: String, messages: [ChatMessage]? = nil, prompt: String? = nil, n: Int? = nil,
                temperature: Float? = nil, topP: Float? = nil, topK: Int? = nil, maxTokens: Int? = nil, seed: UInt64? = nil,
                stop: [String]? = nil) {
        self.model = model
        self.messages = messages
        self.prompt = prompt
        self.n = n
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.maxTokens = maxTokens
        self.seed = seed
        self.stop = stop.map(StopSequences.init)
    }

    enum CodingKeys: String, CodingKey {
        case model, messages, prompt, n, temperature, seed, stop, stream
        case topP = "top_p"
        case topK = "top_k"
        case maxTokens = "max_tokens"
    }
}
