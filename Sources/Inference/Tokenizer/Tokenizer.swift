import Foundation

/// A byte-level BPE tokenizer (GPT-2 family) built from a GGUF file's `tokenizer.ggml.*`
/// metadata or a Hugging Face `tokenizer.json` (`Tokenizer(huggingFaceJSON:)`).
///
/// Encoding: special tokens are cut out of the text first; the pieces between them are split
/// by the model's pre-tokenizer; each chunk's UTF-8 bytes start as single-byte tokens and
/// merge by rank. Decoding maps each token's spelling back to bytes and reassembles UTF-8
/// across token boundaries.
public struct Tokenizer: Sendable {
    /// What a vocabulary entry is, from `tokenizer.ggml.token_type`.
    public enum TokenKind: Int32, Sendable {
        case normal = 1, unknown = 2, control = 3, userDefined = 4, unused = 5, byte = 6
    }

    /// Token spellings, indexed by id.
    public let tokens: [String]
    /// Token kinds, indexed by id.
    public let kinds: [TokenKind]
    /// The pre-tokenizer named by `tokenizer.ggml.pre`.
    public let preTokenizer: PreTokenizer
    /// Beginning-of-sequence token, if the vocabulary names one.
    public let bosTokenID: Int?
    /// End-of-sequence token, if the vocabulary names one.
    public let eosTokenID: Int?
    /// Whether the model expects BOS before a prompt (`tokenizer.ggml.add_bos_token`).
    public let addsBOS: Bool
    /// Whether text between special tokens is NFC-normalized first (`tokenizer.json`'s NFC normalizer).
    public let normalizesToNFC: Bool
    /// Whether a chunk spelled exactly like a vocabulary token becomes that token without merging
    /// (`tokenizer.json`'s `ignore_merges`, as in Llama 3).
    public let ignoresMerges: Bool

    private let tokenIDs: [String: Int]
    private let merges: BPEMerges
    private let alphabet = ByteLevelAlphabet()
    /// The token of each single byte; nil where the vocabulary has none (such bytes are
    /// dropped, as HF tokenizers drops them without an unknown token).  // [256]
    private let byteTokenIDs: [Int?]
    /// Control and user-defined tokens, longest first: the order they are cut out of text.
    private let specialTokens: [(bytes: [UInt8], id: Int, kind: TokenKind)]

    /// Builds the tokenizer described by `file`'s metadata.
    public init(gguf file: GGUFFile) throws {
        let model = try file.string("tokenizer.ggml.model")
        guard model == "gpt2" else {
            throw InferenceError.invalidTokenizer(reason: "tokenizer.ggml.model is '\(model)'; only byte-level BPE ('gpt2') is implemented")
        }
        let preName = (try? file.string("tokenizer.ggml.pre")) ?? "default"
        guard let preTokenizer = PreTokenizer(ggufName: preName) else {
            throw InferenceError.invalidTokenizer(reason: "pre-tokenizer '\(preName)' is not implemented")
        }
        guard let tokens = file["tokenizer.ggml.tokens"]?.array?.compactMap(\.string), !tokens.isEmpty else {
            throw InferenceError.missingMetadata(key: "tokenizer.ggml.tokens")
        }
        let merges = file["tokenizer.ggml.merges"]?.array?.compactMap(\.string) ?? []
        var kinds = [TokenKind](repeating: .normal, count: tokens.count)
        if let types = file["tokenizer.ggml.token_type"]?.array {
            guard types.count == tokens.count else {
                throw InferenceError.invalidTokenizer(reason: "tokenizer.ggml.token_type has \(types.count) entries for \(tokens.count) tokens")
            }
            for (index, type) in types.enumerated() {
                kinds[index] = type.integer.flatMap { TokenKind(rawValue: Int32($0)) } ?? .normal
            }
        }
        try self.init(
            tokens: tokens, kinds: kinds, merges: merges, preTokenizer: preTokenizer,
            bosTokenID: file["tokenizer.ggml.bos_token_id"]?.integer,
            eosTokenID: file["tokenizer.ggml.eos_token_id"]?.integer,
            addsBOS: file["tokenizer.ggml.add_bos_token"]?.bool ?? false)
    }

    /// Builds a tokenizer from its parts.
    public init(
        tokens: [String], kinds: [TokenKind], merges: [String], preTokenizer: PreTokenizer,
        bosTokenID: Int?, eosTokenID: Int?, addsBOS: Bool, normalizesToNFC: Bool = false, ignoresMerges: Bool = false
    ) throws {
        self.normalizesToNFC = normalizesToNFC
        self.ignoresMerges = ignoresMerges
        self.tokens = tokens
        self.kinds = kinds
        self.preTokenizer = preTokenizer
        self.bosTokenID = bosTokenID
        self.eosTokenID = eosTokenID
        self.addsBOS = addsBOS
        var tokenIDs: [String: Int] = [:]
        tokenIDs.reserveCapacity(tokens.count)
        for (id, token) in tokens.enumerated() where tokenIDs[token] == nil { tokenIDs[token] = id }
        self.tokenIDs = tokenIDs
        self.merges = try BPEMerges(merges: merges, tokenIDs: tokenIDs)
        let alphabet = self.alphabet
        byteTokenIDs = (0..<256).map { tokenIDs[String(alphabet.scalarForByte[$0])] }
        specialTokens = kinds.indices
            .filter { kinds[$0] == .control || kinds[$0] == .userDefined }
            .filter { !tokens[$0].isEmpty }
            .map { (bytes: Array(tokens[$0].utf8), id: $0, kind: kinds[$0]) }
            .sorted { $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.id < $1.id }
    }

    /// Number of tokens in the vocabulary.
    public var vocabularySize: Int { tokens.count }

    /// The id of the token spelled `text`, if any.
    public func id(of text: String) -> Int? { tokenIDs[text] }

    /// The token ids of `text`. With `parseSpecial`, control tokens written in the text (such
    /// as `<|im_start|>`) become their ids; user-defined tokens always do.
    public func encode(_ text: String, parseSpecial: Bool = true) -> [Int] {
        let bytes = Array(text.utf8)
        var ids: [Int] = []
        for fragment in partition(bytes, parseSpecial: parseSpecial) {
            switch fragment {
            case let .special(id):
                ids.append(id)
            case let .text(range):
                var piece = String(decoding: bytes[range], as: UTF8.self)
                if normalizesToNFC { piece = piece.precomposedStringWithCanonicalMapping }
                for chunk in preTokenizer.split(piece) { ids.append(contentsOf: encodeChunk(chunk)) }
            }
        }
        return ids
    }

    /// The bytes token `id` stands for; empty for control tokens unless `includeSpecial`.
    public func bytes(of id: Int, includeSpecial: Bool = false) -> [UInt8] {
        guard tokens.indices.contains(id) else { return [] }
        switch kinds[id] {
        case .control, .unknown, .unused:
            return includeSpecial ? Array(tokens[id].utf8) : []
        case .userDefined:
            return Array(tokens[id].utf8)
        case .normal, .byte:
            return alphabet.bytes(of: tokens[id])
        }
    }

    /// The text of `ids`, bytes reassembled across tokens (invalid UTF-8 becomes U+FFFD).
    public func decode(_ ids: [Int], includeSpecial: Bool = false) -> String {
        String(decoding: ids.flatMap { bytes(of: $0, includeSpecial: includeSpecial) }, as: UTF8.self)
    }

    private enum Fragment {
        case text(Range<Int>)  // byte offsets into the text's UTF-8
        case special(Int)
    }

    /// Cuts special tokens out of `text`, longest token first, as llama.cpp does. Works on
    /// UTF-8 bytes so a token is found even when a combining mark follows it.
    private func partition(_ text: [UInt8], parseSpecial: Bool) -> [Fragment] {
        var fragments: [Fragment] = [.text(0..<text.count)]
        for special in specialTokens {
            if !parseSpecial && special.kind == .control { continue }
            let needle = special.bytes
            var next: [Fragment] = []
            for fragment in fragments {
                guard case let .text(range) = fragment, range.count >= needle.count else {
                    next.append(fragment)
                    continue
                }
                var start = range.lowerBound
                var index = range.lowerBound
                while index + needle.count <= range.upperBound {
                    if text[index] == needle[0] && text[index..<(index + needle.count)].elementsEqual(needle) {
                        if index > start { next.append(.text(start..<index)) }
                        next.append(.special(special.id))
                        index += needle.count
                        start = index
                    } else {
                        index += 1
                    }
                }
                if start < range.upperBound { next.append(.text(start..<range.upperBound)) }
            }
            fragments = next
        }
        return fragments
    }

    /// BPE within one pre-tokenizer chunk.
    private func encodeChunk(_ chunk: String) -> [Int] {
        if ignoresMerges, let id = tokenIDs[alphabet.spell(chunk.utf8)] {
            return [id]
        }
        var symbols = chunk.utf8.compactMap { byteTokenIDs[Int($0)] }
        merges.apply(to: &symbols)
        return symbols
    }
}
