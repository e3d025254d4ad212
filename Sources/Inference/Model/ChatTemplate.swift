import Foundation

/// Turns chat messages into the prompt text a chat model was trained on.
///
/// Two families are implemented, recognised from a model's Jinja `chat_template` (GGUF
/// `tokenizer.chat_template` or `tokenizer_config.json`) by their markers rather than by
/// running Jinja:
/// - ChatML (`<|im_start|>role\ncontent<|im_end|>\n`; SmolLM2, Qwen2.5), including the default
///   system message a template writes when the conversation has none;
/// - Llama 3 (`<|begin_of_text|><|start_header_id|>role<|end_header_id|>\n\ncontent<|eot_id|>`,
///   content trimmed), as Meta-Llama-3-Instruct's template writes it.
/// Any other template (Llama 3.1's dated tool preamble included) is refused with a message
/// rather than guessed at; `ChatTemplate(specifier:)` is the override.
public struct ChatTemplate: Sendable, Equatable {
    /// The prompt layouts implemented.
    public enum Family: String, Sendable, Equatable, CaseIterable {
        case chatML = "chatml"
        case llama3
    }

    /// One turn of a conversation.
    public struct Message: Sendable, Equatable {
        public let role: String
        public let content: String

        public init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    public let family: Family
    /// The system message inserted when the first message is not a system message.
    public let defaultSystemMessage: String?

    /// ChatML with an optional default system message.
    public init(defaultSystemMessage: String?) {
        self.init(family: .chatML, defaultSystemMessage: defaultSystemMessage)
    }

    /// A template of `family`.
    public init(family: Family, defaultSystemMessage: String? = nil) {
        self.family = family
        self.defaultSystemMessage = defaultSystemMessage
    }

    /// The template a Jinja `chat_template` source describes, or an error saying why it is not
    /// one of the implemented families.
    public init(jinja source: String) throws {
        if source.contains("<|im_start|>") && source.contains("<|im_end|>") {
            self.init(family: .chatML, defaultSystemMessage: Self.defaultSystemMessage(in: source))
        } else if source.contains("<|start_header_id|>") && source.contains("<|eot_id|>") {
            guard !source.contains("Cutting Knowledge Date") && !source.contains("tools") else {
                throw InferenceError.unrecognizedChatTemplate(
                    reason: "a Llama 3.1-style template (dated system preamble, tools) is not implemented; the plain Llama 3 layout is (--chat-template llama3)")
            }
            self.init(family: .llama3)
        } else {
            throw InferenceError.unrecognizedChatTemplate(
                reason: "the template is neither ChatML (<|im_start|>) nor Llama 3 (<|start_header_id|>)")
        }
    }

    /// The template a GGUF's `tokenizer.chat_template` describes, if it is of an implemented
    /// family; nil otherwise.
    public init?(gguf file: GGUFFile) {
        guard let source = file["tokenizer.chat_template"]?.string else { return nil }
        try? self.init(jinja: source)
    }

    /// A `--chat-template` argument: a family name (`chatml`, `llama3`), a Jinja template file,
    /// or a JSON file with a `chat_template` key (such as `tokenizer_config.json`).
    public init(specifier: String) throws {
        if let family = Family(rawValue: specifier.lowercased()) {
            self.init(family: family)
            return
        }
        guard FileManager.default.fileExists(atPath: specifier) else {
            throw InferenceError.unrecognizedChatTemplate(
                reason: "'\(specifier)' is neither a family name (chatml, llama3) nor an existing file")
        }
        if specifier.hasSuffix(".json") {
            let json = try JSONObjectFile(path: specifier)
            guard let source = try HuggingFaceTokenizer.chatTemplate(in: json) else { throw json.error("chat_template", "is missing") }
            try self.init(jinja: source)
        } else {
            try self.init(jinja: String(contentsOfFile: specifier, encoding: .utf8))
        }
    }

    /// The prompt for `messages`, ending with the assistant's header when `addGenerationPrompt`.
    public func render(_ messages: [Message], addGenerationPrompt: Bool = true) -> String {
        var messages = messages
        if let defaultSystemMessage, messages.first?.role != "system" {
            messages.insert(Message(role: "system", content: defaultSystemMessage), at: 0)
        }
        var prompt = ""
        switch family {
        case .chatML:
            for message in messages {
                prompt += "<|im_start|>\(message.role)\n\(message.content)<|im_end|>\n"
            }
            if addGenerationPrompt { prompt += "<|im_start|>assistant\n" }
        case .llama3:
            prompt = "<|begin_of_text|>"
            for message in messages {
                let content = message.content.trimmingCharacters(in: .whitespacesAndNewlines)
                prompt += "<|start_header_id|>\(message.role)<|end_header_id|>\n\n\(content)<|eot_id|>"
            }
            if addGenerationPrompt { prompt += "<|start_header_id|>assistant<|end_header_id|>\n\n" }
        }
        return prompt
    }

    /// The literal system text a Jinja ChatML template writes when no system message is given,
    /// e.g. SmolLM2's "You are a helpful AI assistant named SmolLM, trained by Hugging Face" or
    /// Qwen2.5's "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.". The
    /// newline after the role is a real one in some templates and a `\n` escape inside a Jinja
    /// string literal in others (Qwen's); escapes in the found text are undone.
    static func defaultSystemMessage(in template: String) -> String? {
        for newline in ["\n", "\\n"] {
            let marker = "<|im_start|>system" + newline
            var searchStart = template.startIndex
            while let start = template[searchStart...].range(of: marker)?.upperBound,
                  let end = template[start...].range(of: "<|im_end|>")?.lowerBound {
                let text = String(template[start..<end])
                // Where the template splices in messages[0]['content'] there is no literal default.
                if !text.contains("{") && !text.contains("'") && !text.contains("\"") && !text.contains("\n") {
                    return newline == "\n" ? text : text.replacingOccurrences(of: "\\n", with: "\n")
                }
                searchStart = end
            }
        }
        return nil
    }
}
