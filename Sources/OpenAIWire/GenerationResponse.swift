/// The answer to a chat or completion request: choices with their text and why they ended, and
/// the token usage of the whole request.
public struct GenerationResponse: Codable, Sendable, Equatable {
    /// One generated completion.
    public struct Choice: Codable, Sendable, Equatable {
        public var index: Int
        /// Completion answers only.
        public var text: String?
        /// Chat answers only.
        public var message: ChatMessage?
        /// "stop" (end of generation or a stop string), "length" (max_tokens), or a server's own.
        public var finishReason: String?

        public init(index: Int, text: String? = nil, message: ChatMessage? = nil, finishReason: String?) {
            self.index = index
            self.text = text
            self.message = message
            self.finishReason = finishReason
        }

        enum CodingKeys: String, CodingKey {
            case index, text, message
            case finishReason = "finish_reason"
        }
    }

    /// Tokens read and written by the whole request (all choices).
    public struct Usage: Codable, Sendable, Equatable {
        public var promptTokens: Int
        public var completionTokens: Int
        public var totalTokens: Int

        public init(promptTokens: Int, completionTokens: Int) {
            self.promptTokens = promptTokens
            self.completionTokens = completionTokens
            totalTokens = promptTokens + completionTokens
        }

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case totalTokens = "total_tokens"
        }
    }

    // Servers differ on the bookkeeping fields, and Proctor reads none but `model` (recorded,
    // the requested name when absent): optional, so an answer is judged on its choices.
    public var id: String?
    /// "chat.completion" or "text_completion".
    public var object: String?
    /// Seconds since 1970.
    public var created: Int?
    public var model: String?
    public var choices: [Choice]
    public var usage: Usage?

    public init(id: String, object: String, created: Int, model: String, choices: [Choice], usage: Usage?) {
        self.id = id
        self.object = object
        self.created = created
        self.model = model
        self.choices = choices
        self.usage = usage
    }
}
