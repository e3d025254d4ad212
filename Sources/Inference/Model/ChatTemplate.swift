import Foundation

/// Turns chat messages into the prompt text a chat model was trained on.
///
/// Implements ChatML (`<|im_start|>role\ncontent<|im_end|>\n`), used by SmolLM2 and Qwen2.5,
/// including the default system message their templates add when the conversation has none.
public struct ChatTemplate: Sendable, Equatable {
    /// One turn of a conversation.
    public struct Message: Sendable, Equatable {
        public let role: String
        public let content: String

        public init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    /// The system message inserted when the first message is not a system message.
    public let defaultSystemMessage: String?

    /// ChatML with an optional default system message.
    public init(defaultSystemMessage: String?) {
        self.defaultSystemMessage = defaultSystemMessage
    }

    /// The template a GGUF's `tokenizer.chat_template` describes, if it is ChatML; nil for
    /// other templates.
    public init?(gguf file: GGUFFile) {
        guard let source = file["tokenizer.chat_template"]?.string, source.contains("<|im_start|>") else { return nil }
        self.init(defaultSystemMessage: Self.defaultSystemMessage(in: source))
    }

    /// The prompt for `messages`, ending with the assistant's header when `addGenerationPrompt`.
    public func render(_ messages: [Message], addGenerationPrompt: Bool = true) -> String {
        var prompt = ""
        if let defaultSystemMessage, messages.first?.role != "system" {
            prompt += "<|im_start|>system\n\(defaultSystemMessage)<|im_end|>\n"
        }
        for message in messages {
            prompt += "<|im_start|>\(message.role)\n\(message.content)<|im_end|>\n"
        }
        if addGenerationPrompt { prompt += "<|im_start|>assistant\n" }
        return prompt
    }

    /// The literal system text a Jinja ChatML template writes when no system message is given,
    /// e.g. SmolLM2's "You are a helpful AI assistant named SmolLM, trained by Hugging Face".
    static func defaultSystemMessage(in template: String) -> String? {
        let marker = "<|im_start|>system\n"
        var searchStart = template.startIndex
        while let start = template[searchStart...].range(of: marker)?.upperBound,
              let end = template[start...].range(of: "<|im_end|>")?.lowerBound {
            let text = String(template[start..<end])
            // Where the template splices in messages[0]['content'] there is no literal default.
            if !text.contains("{") && !text.contains("'") && !text.contains("\"") { return text }
            searchStart = end
        }
        return nil
    }
}
