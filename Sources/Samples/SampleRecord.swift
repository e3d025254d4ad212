import Foundation
import Inference
import Judge

/// One line of a samples file as Proctor's generators write it, the native engine and the
/// OpenAI-compatible client alike: which sample it is, what the model wrote and the code taken
/// from it, how it was prompted (so `proctor judge` can redo the extraction and a reader can
/// see the exact prompt), and what it cost. Absent fields are left out of the line.
public struct SampleRecord: Codable, Sendable, Equatable {
    public var problemID: String
    public var checkpoint: String
    public var sampleIndex: Int
    /// The model's text, stop string excluded.
    public var output: String
    /// The program extracted from `output`.
    public var code: String

    /// The prompt format's name (`PromptFormat`).
    public var promptFormat: String
    /// The exact text the model was fed (template and prefill included); nil when a chat
    /// endpoint templated `promptMessages` itself.
    public var prompt: String?
    /// The messages sent to a chat endpoint that templated them itself.
    public var promptMessages: [CodePrompt.Message]?
    public var chatTemplate: String?
    public var responsePrefix: String?
    public var startsInCode: Bool?
    public var stop: [String]?
    public var extractor: String
    /// The language the program was asked in, when not Python (what the judge compiles it as).
    public var language: String?

    public var promptTokens: Int?
    /// Nil when one request returned several samples and its usage could not be split:
    /// `requestCompletionTokens` over `requestSamples` then.
    public var completionTokens: Int?
    /// Of the completion tokens, those of a reasoning block (`<think>…</think>`, counted by
    /// re-tokenizing the output up to the block's end); nil when the output has no block or the
    /// backend gives no tokenizer (remote generation).
    public var reasoningTokens: Int?
    public var requestCompletionTokens: Int?
    public var requestSamples: Int?
    public var stopReason: String
    public var seconds: Double
    public var seed: Int
    /// The model name a server answered with (remote samples).
    public var model: String?
    /// Extra fields sent with a remote request, each as `name=JSON` (`--request-field`).
    public var requestFields: [String]?

    /// The reasoning block's share of `output`, in tokens of `tokenizer`: the tokens of the text up
    /// to the block's closing tag, every completion token when the block never closes, nil
    /// without a block.
    public static func reasoningTokenCount(_ output: String, completionTokens: Int, tokenizer: Tokenizer,
                                           tag: String = "think") -> Int? {
        if let close = output.range(of: "</\(tag)>", options: .backwards) {
            return min(completionTokens, tokenizer.encode(String(output[..<close.upperBound]), parseSpecial: false).count)
        }
        return output.contains("<\(tag)>") ? completionTokens : nil
    }

    enum CodingKeys: String, CodingKey {
        case problemID = "problem_id", checkpoint, sampleIndex = "sample_index", output, code
        case promptFormat = "prompt_format", prompt, promptMessages = "prompt_messages", chatTemplate = "chat_template"
        case responsePrefix = "response_prefix", startsInCode = "starts_in_code", stop, extractor, language
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", reasoningTokens = "reasoning_tokens"
        case requestCompletionTokens = "request_completion_tokens", requestSamples = "request_samples"
        case stopReason = "stop_reason", seconds, seed, model, requestFields = "request_fields"
    }

    /// A record of how `prompt` was put (rendered as `text`; `chatTemplate` the template's
    /// name when Proctor rendered it) under `settings`; the sample's own fields are filled in
    /// per sample.
    public init(prompt: CodePrompt, text: String?, settings: GenerationSettings, chatTemplate: String?) {
        problemID = ""
        checkpoint = settings.checkpoint
        sampleIndex = 0
        output = ""
        code = ""
        promptFormat = prompt.format.rawValue
        self.prompt = text
        self.chatTemplate = chatTemplate
        responsePrefix = prompt.responsePrefix.isEmpty ? nil : prompt.responsePrefix
        startsInCode = prompt.startsInCode ? true : nil
        let stops = settings.stopStrings(for: prompt)
        stop = stops.isEmpty ? nil : stops
        extractor = settings.extractor.rawValue
        stopReason = ""
        seconds = 0
        seed = 0
    }

    /// The line written to a samples file: sorted keys, slashes unescaped, no newline.
    public func line() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
