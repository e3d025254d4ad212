import Foundation

/// The tokenizer files of a Hugging Face model folder: `tokenizer.json` (vocabulary, merges,
/// added tokens, normalizer, pre-tokenizer, post-processor), `tokenizer_config.json`
/// (`bos_token`, `eos_token`, `add_bos_token`, `chat_template`), `chat_template.jinja` and
/// `generation_config.json` (`eos_token_id`).
///
/// Only byte-level BPE is implemented. Pre-tokenizers map onto `PreTokenizer` by shape:
/// `ByteLevel` alone (GPT-2); `Sequence[Split(regex), ByteLevel(use_regex: false)]` with the
/// GPT-2, Llama 3 or Qwen2 regex recognised verbatim; `Sequence[Digits(individual),
/// ByteLevel]` (SmolLM). Anything else is refused by name rather than approximated. Added
/// tokens are cut out of the text before splitting (special ones become control tokens, the
/// others user-defined); their `lstrip`/`rstrip`/`single_word` flags are not applied.
public struct HuggingFaceTokenizer: Sendable {
    /// The tokenizer.
    public let tokenizer: Tokenizer
    /// The Jinja chat template, if the folder has one.
    public let chatTemplate: String?
    /// Tokens that end a generation: `generation_config.json`'s `eos_token_id` (one or a list)
    /// and the tokenizer's EOS.
    public let endOfGenerationTokenIDs: [Int]

    /// The regexes of the `Split` pre-tokenizers recognised, with the pre-tokenizer each means.
    static let splitPatterns: [String: PreTokenizer] = [
        #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#: .gpt2,
        #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#: .llama3,
        #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#: .qwen2,
    ]

    /// Reads the tokenizer files in the folder `directory`; `tokenizer.json` is required.
    public init(directory: String) throws {
        func file(_ name: String) -> String { HuggingFaceModelDirectory.file(name, in: directory) }
        let exists = { FileManager.default.fileExists(atPath: $0) }
        guard exists(file("tokenizer.json")) else {
            throw InferenceError.unrecognizedModelPath(
                path: directory, reason: "has no tokenizer.json, which generation needs (only byte-level BPE tokenizer.json is read; vocab.json/merges.txt or tokenizer.model alone are not)")
        }
        let config = exists(file("tokenizer_config.json")) ? try JSONObjectFile(path: file("tokenizer_config.json")) : nil
        tokenizer = try Tokenizer(huggingFaceJSON: file("tokenizer.json"), config: config)

        if exists(file("chat_template.jinja")) {
            chatTemplate = try String(contentsOfFile: file("chat_template.jinja"), encoding: .utf8)
        } else if let config {
            chatTemplate = try Self.chatTemplate(in: config)
        } else {
            chatTemplate = nil
        }

        var ends: [Int] = tokenizer.eosTokenID.map { [$0] } ?? []
        if exists(file("generation_config.json")) {
            let generation = try JSONObjectFile(path: file("generation_config.json"))
            if let single = try? generation.optionalInteger("eos_token_id") {
                ends.append(single)
            } else if let list = generation.fields["eos_token_id"] as? [Any] {
                for value in list {
                    guard let id = value as? Int else { throw generation.error("eos_token_id", "holds a non-integer") }
                    ends.append(id)
                }
            } else if generation.has("eos_token_id") {
                throw generation.error("eos_token_id", "is neither an integer nor a list of integers")
            }
        }
        endOfGenerationTokenIDs = ends.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// `chat_template` as a string, or the entry named `default` of a list of named templates.
    static func chatTemplate(in config: JSONObjectFile) throws -> String? {
        guard config.has("chat_template") else { return nil }
        if let text = config.fields["chat_template"] as? String { return text }
        if let named = config.fields["chat_template"] as? [[String: Any]] {
            if let entry = named.first(where: { $0["name"] as? String == "default" }), let text = entry["template"] as? String {
                return text
            }
            throw config.error("chat_template", "is a list without a template named 'default'")
        }
        throw config.error("chat_template", "is neither a string nor a list of named templates")
    }
}

extension Tokenizer {
    /// Builds the tokenizer described by the `tokenizer.json` at `path`, with BOS/EOS from
    /// `tokenizer_config.json` when given.
    init(huggingFaceJSON path: String, config: JSONObjectFile?) throws {
        let json = try JSONObjectFile(path: path)
        guard let model = try json.optionalObject("model") else { throw json.error("model", "is missing") }
        let modelType = try model.optionalString("type") ?? "BPE"
        guard modelType == "BPE" else { throw model.error("type", "is '\(modelType)'; only byte-level BPE is implemented") }
        for key in ["continuing_subword_prefix", "end_of_word_suffix"] where model.has(key) && (model.fields[key] as? String) != "" {
            throw model.error(key, "is set; byte-level BPE vocabularies have none")
        }
        if let dropout = try model.optionalDouble("dropout"), dropout != 0 { throw model.error("dropout", "is \(dropout); BPE dropout is not implemented") }
        if try model.optionalBool("byte_fallback") == true { throw model.error("byte_fallback", "is true; it is not implemented") }

        guard let vocabulary = model.fields["vocab"] as? [String: Any] else { throw model.error("vocab", "is not an object") }
        var idOfToken: [String: Int] = [:]
        for (token, value) in vocabulary {
            guard let id = value as? Int, id >= 0 else { throw model.error("vocab", "gives '\(token)' an id that is not a non-negative integer") }
            idOfToken[token] = id
        }
        var added: [(id: Int, content: String, special: Bool)] = []
        for (index, entry) in (json.fields["added_tokens"] as? [[String: Any]] ?? []).enumerated() {
            guard let id = entry["id"] as? Int, id >= 0, let content = entry["content"] as? String else {
                throw json.error("added_tokens", "entry \(index) has no integer id and string content")
            }
            added.append((id, content, entry["special"] as? Bool ?? false))
        }
        let count = max(idOfToken.values.max() ?? -1, added.map(\.id).max() ?? -1) + 1
        var tokens = [String](repeating: "", count: count)
        var kinds = [TokenKind](repeating: .unused, count: count)
        for (token, id) in idOfToken {
            tokens[id] = token
            kinds[id] = .normal
        }
        for token in added {
            tokens[token.id] = token.content
            kinds[token.id] = token.special ? .control : .userDefined
        }

        var merges: [String] = []
        for (index, merge) in (model.fields["merges"] as? [Any] ?? []).enumerated() {
            if let text = merge as? String {
                merges.append(text)
            } else if let pair = merge as? [String], pair.count == 2 {
                merges.append(pair[0] + " " + pair[1])
            } else {
                throw model.error("merges", "entry \(index) is neither \"a b\" nor [a, b]")
            }
        }

        let normalizesToNFC = try Self.normalizer(json)
        let preTokenizer = try Self.preTokenizer(json)

        func tokenID(_ key: String) throws -> Int? {
            guard let config, config.has(key) else { return nil }
            let content = (config.fields[key] as? String) ?? ((config.fields[key] as? [String: Any])?["content"] as? String)
            guard let content else { throw config.error(key, "is neither a string nor an object with a content string") }
            guard let id = tokens.firstIndex(of: content) else { throw config.error(key, "is '\(content)', which is not in \(path)'s vocabulary") }
            return id
        }
        let bos = try tokenID("bos_token")
        let addsBOS = try config?.optionalBool("add_bos_token") ?? Self.postProcessorAddsBOS(json, bos: bos.map { tokens[$0] })
        try self.init(
            tokens: tokens, kinds: kinds, merges: merges, preTokenizer: preTokenizer,
            bosTokenID: bos, eosTokenID: try tokenID("eos_token"), addsBOS: addsBOS && bos != nil,
            normalizesToNFC: normalizesToNFC, ignoresMerges: try model.optionalBool("ignore_merges") ?? false)
    }

    /// Whether the normalizer is NFC; nil normalizers are none. Others are refused by type.
    private static func normalizer(_ json: JSONObjectFile) throws -> Bool {
        guard let normalizer = try json.optionalObject("normalizer") else { return false }
        let type = try normalizer.string("type")
        guard type == "NFC" else { throw normalizer.error("type", "is '\(type)'; only NFC (or none) is implemented") }
        return true
    }

    /// The `PreTokenizer` the `pre_tokenizer` object describes (see `HuggingFaceTokenizer`).
    private static func preTokenizer(_ json: JSONObjectFile) throws -> PreTokenizer {
        guard let root = try json.optionalObject("pre_tokenizer") else {
            throw json.error("pre_tokenizer", "is missing; byte-level BPE needs a ByteLevel pre-tokenizer")
        }
        func byteLevel(_ object: JSONObjectFile, usesRegex: Bool) throws {
            if try object.optionalBool("add_prefix_space") == true { throw object.error("add_prefix_space", "is true; it is not implemented") }
            let regex = try object.optionalBool("use_regex") ?? true
            guard regex == usesRegex else { throw object.error("use_regex", "is \(regex); expected \(usesRegex) in this position") }
        }
        let type = try root.string("type")
        if type == "ByteLevel" {
            try byteLevel(root, usesRegex: true)
            return .gpt2
        }
        let steps = (root.fields["pretokenizers"] as? [[String: Any]] ?? []).enumerated().map {
            JSONObjectFile(path: json.path, fields: $0.element, keyPrefix: "pre_tokenizer.pretokenizers.\($0.offset).")
        }
        let types = try steps.map { try $0.string("type") }
        guard type == "Sequence", steps.count == 2, types[1] == "ByteLevel" else {
            throw root.error("type", "is '\(type)' \(types); ByteLevel, Sequence[Split, ByteLevel] and Sequence[Digits, ByteLevel] are implemented")
        }
        switch types[0] {
        case "Split":
            let split = steps[0]
            guard let pattern = (split.fields["pattern"] as? [String: Any])?["Regex"] as? String else {
                throw split.error("pattern", "is not a {\"Regex\": …} object")
            }
            guard let preTokenizer = HuggingFaceTokenizer.splitPatterns[pattern] else {
                throw split.error("pattern", "is the regex \(pattern), which is not one of the GPT-2, Llama 3 and Qwen2 patterns implemented")
            }
            let behavior = try split.optionalString("behavior") ?? "Isolated"
            guard behavior == "Isolated", try split.optionalBool("invert") != true else {
                throw split.error("behavior", "is '\(behavior)'; only Isolated, not inverted, is implemented")
            }
            try byteLevel(steps[1], usesRegex: false)
            return preTokenizer
        case "Digits":
            guard try steps[0].optionalBool("individual_digits") == true else {
                throw steps[0].error("individual_digits", "is not true; only individual digits are implemented")
            }
            try byteLevel(steps[1], usesRegex: true)
            return .smollm
        default:
            throw steps[0].error("type", "is '\(types[0])'; Split and Digits are implemented before ByteLevel")
        }
    }

    /// Whether a `TemplateProcessing` post-processor puts the BOS token first in single sequences.
    private static func postProcessorAddsBOS(_ json: JSONObjectFile, bos: String?) throws -> Bool {
        guard let bos, let processor = json.fields["post_processor"] as? [String: Any],
              processor["type"] as? String == "TemplateProcessing",
              let first = (processor["single"] as? [[String: Any]])?.first,
              let special = first["SpecialToken"] as? [String: Any] else { return false }
        return special["id"] as? String == bos
    }
}
