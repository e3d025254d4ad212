import OpenAIWire

/// One server-sent event of a streamed answer, in OpenAI's chunk format: `chat.completion.chunk`
/// (a choice's `delta`) or `text_completion` (a choice's `text`); the last chunk has no choices
/// and the request's `usage`.
struct StreamChunk: Encodable {
    struct Choice: Encodable {
        struct Delta: Encodable {
            var role: String?
            var content: String?
        }

        var index: Int
        /// Chat chunks.
        var delta: Delta?
        /// Completion chunks.
        var text: String?
        /// Null until the choice's last chunk.
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, delta, text
            case finishReason = "finish_reason"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encodeIfPresent(delta, forKey: .delta)
            try container.encodeIfPresent(text, forKey: .text)
            try container.encode(finishReason, forKey: .finishReason)  // null, as OpenAI sends it
        }
    }

    var id: String
    var object: String
    var created: Int
    var model: String
    var choices: [Choice]
    var usage: GenerationResponse.Usage?

    /// A chunk carrying `text` for choice `index` (chat: as `delta.content`, with the role on the first).
    static func piece(_ text: String, index: Int, chat: Bool, first: Bool = false, finish: String? = nil,
                      id: String, created: Int, model: String) -> StreamChunk {
        let choice = chat
            ? Choice(index: index, delta: Choice.Delta(role: first ? "assistant" : nil, content: finish == nil ? text : nil),
                     finishReason: finish)
            : Choice(index: index, text: text, finishReason: finish)
        return StreamChunk(id: id, object: chat ? "chat.completion.chunk" : "text_completion", created: created,
                           model: model, choices: [choice], usage: nil)
    }
}
