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
    /// Fields sent as they are, beside the ones above (e.g. `repeat_penalty` for llama.cpp's
    /// server, whose default of 1.1 the native engine does not apply); never read back.
    public var extraFields: [String: JSONValue] = [:]

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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case model, messages, prompt, n, temperature, seed, stop, stream
        case topP = "top_p"
        case topK = "top_k"
        case maxTokens = "max_tokens"
    }

    /// The field names Proctor sets itself, which `extraFields` may not name.
    public static let ownFields = Set(CodingKeys.allCases.map(\.rawValue))

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encodeIfPresent(messages, forKey: .messages)
        try container.encodeIfPresent(prompt, forKey: .prompt)
        try container.encodeIfPresent(n, forKey: .n)
        try container.encodeIfPresent(temperature, forKey: .temperature)
        try container.encodeIfPresent(topP, forKey: .topP)
        try container.encodeIfPresent(topK, forKey: .topK)
        try container.encodeIfPresent(maxTokens, forKey: .maxTokens)
        try container.encodeIfPresent(seed, forKey: .seed)
        try container.encodeIfPresent(stop, forKey: .stop)
        try container.encodeIfPresent(stream, forKey: .stream)
        var extra = encoder.container(keyedBy: FieldName.self)
        for (name, value) in extraFields where !Self.ownFields.contains(name) {
            try extra.encode(value, forKey: FieldName(name))
        }
    }
}

/// A JSON object key known only at run time.
struct FieldName: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
