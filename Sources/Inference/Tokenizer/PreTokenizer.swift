/// Splits text into the chunks BPE merges within, reproducing the pre-tokenizer regexes of
/// llama.cpp's `llama-vocab.cpp` with hand-written scanners (as llama.cpp's `unicode.cpp`
/// does for the common patterns) instead of a regex engine.
public enum PreTokenizer: String, Sendable, CaseIterable {
    /// GPT-2: `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`.
    case gpt2
    /// SmolLM (`smollm`): every digit its own chunk (`\p{N}`), then GPT-2's pattern.
    case smollm
    /// Llama 3 (`llama-bpe`): `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|
    /// ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`.
    case llama3 = "llama-bpe"
    /// Qwen2 (`qwen2`): Llama 3's pattern with single digits (`\p{N}`).
    case qwen2

    /// The pre-tokenizer named by GGUF's `tokenizer.ggml.pre`; nil for names not implemented.
    public init?(ggufName: String) {
        switch ggufName {
        case "gpt-2", "gpt2", "default": self = .gpt2
        case "smollm": self = .smollm
        case "llama-bpe", "llama3": self = .llama3
        case "qwen2": self = .qwen2
        default: return nil
        }
    }

    /// The chunks of `text`, in order; their concatenation is `text`.
    func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var ranges: [Range<Int>] = []
        switch self {
        case .gpt2:
            Self.splitGPT2(scalars, 0..<scalars.count, into: &ranges)
        case .smollm:
            var start = 0
            for index in scalars.indices where scalars[index].isNumber {
                Self.splitGPT2(scalars, start..<index, into: &ranges)
                ranges.append(index..<(index + 1))
                start = index + 1
            }
            Self.splitGPT2(scalars, start..<scalars.count, into: &ranges)
        case .llama3:
            Self.splitLlama3(scalars, maximumDigits: 3, into: &ranges)
        case .qwen2:
            Self.splitLlama3(scalars, maximumDigits: 1, into: &ranges)
        }
        return ranges.map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
    }

    /// GPT-2's pattern over `scalars[span]`; the span is matched as if it were the whole text.
    private static func splitGPT2(_ scalars: [Unicode.Scalar], _ span: Range<Int>, into ranges: inout [Range<Int>]) {
        let end = span.upperBound
        func at(_ index: Int) -> Unicode.Scalar? { index < end ? scalars[index] : nil }
        var position = span.lowerBound
        while position < end {
            let start = position
            let scalar = scalars[position]
            if let length = contractionLength(scalars, at: position, end: end, caseInsensitive: false) {
                position += length
            } else {
                // ` ?\p{L}+`, ` ?\p{N}+`, ` ?[^\s\p{L}\p{N}]+`: an optional space, then one class.
                let body = scalar == " " ? position + 1 : position
                if let first = at(body), !first.isWhitespace {
                    let matchesClass: (Unicode.Scalar) -> Bool =
                        first.isLetter ? { $0.isLetter } : first.isNumber ? { $0.isNumber } : { $0.isOther }
                    position = body
                    while let next = at(position), matchesClass(next) { position += 1 }
                } else {
                    position = whitespaceEnd(scalars, from: position, end: end)
                }
            }
            ranges.append(start..<position)
        }
    }

    /// Llama 3's and Qwen2's pattern over the whole of `scalars`.
    private static func splitLlama3(_ scalars: [Unicode.Scalar], maximumDigits: Int, into ranges: inout [Range<Int>]) {
        let end = scalars.count
        func at(_ index: Int) -> Unicode.Scalar? { index < end ? scalars[index] : nil }
        var position = 0
        while position < end {
            let start = position
            let scalar = scalars[position]
            if let length = contractionLength(scalars, at: position, end: end, caseInsensitive: true) {
                position += length
            } else if scalar.isLetter || (!scalar.isNewline && !scalar.isNumber && at(position + 1)?.isLetter == true) {
                // `[^\r\n\p{L}\p{N}]?\p{L}+`
                position += 1
                while let next = at(position), next.isLetter { position += 1 }
            } else if scalar.isNumber {
                // `\p{N}{1,maximumDigits}`
                position += 1
                while position - start < maximumDigits, let next = at(position), next.isNumber { position += 1 }
            } else if let first = at(scalar == " " ? position + 1 : position), first.isOther {
                // ` ?[^\s\p{L}\p{N}]+[\r\n]*`
                position = scalar == " " ? position + 2 : position + 1
                while let next = at(position), next.isOther { position += 1 }
                while let next = at(position), next.isNewline { position += 1 }
            } else {
                // `\s*[\r\n]+`: the whitespace run up to and including its last newline; else
                // `\s+(?!\S)|\s+`.
                var runEnd = position
                var lastNewline: Int?
                while let next = at(runEnd), next.isWhitespace {
                    if next.isNewline { lastNewline = runEnd }
                    runEnd += 1
                }
                if let lastNewline {
                    position = lastNewline + 1
                } else {
                    position = whitespaceEnd(scalars, from: position, end: end)
                }
            }
            ranges.append(start..<position)
        }
    }

    /// Length of `'s|'t|'re|'ve|'m|'ll|'d` at `index`, if one starts there.
    private static func contractionLength(
        _ scalars: [Unicode.Scalar], at index: Int, end: Int, caseInsensitive: Bool
    ) -> Int? {
        guard scalars[index] == "'", index + 1 < end else { return nil }
        func letter(_ offset: Int) -> Character? {
            guard index + offset < end else { return nil }
            let character = Character(scalars[index + offset])
            return caseInsensitive ? Character(character.lowercased()) : character
        }
        switch letter(1) {
        case "s", "t", "m", "d": return 2
        case "r" where letter(2) == "e": return 3
        case "v" where letter(2) == "e": return 3
        case "l" where letter(2) == "l": return 3
        default: return nil
        }
    }

    /// End of `\s+(?!\S)|\s+` starting at `start` (a whitespace character): the whole run if it
    /// reaches the end of the text, otherwise the run less its last character, but at least one.
    private static func whitespaceEnd(_ scalars: [Unicode.Scalar], from start: Int, end: Int) -> Int {
        var runEnd = start
        while runEnd < end, scalars[runEnd].isWhitespace { runEnd += 1 }
        if runEnd == end || runEnd - start == 1 { return runEnd }
        return runEnd - 1
    }
}

extension Unicode.Scalar {
    /// `\p{L}`: any letter category.
    var isLetter: Bool {
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `\p{N}`: decimal, letter and other numbers.
    var isNumber: Bool {
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// `\s`: the Unicode White_Space property.
    var isWhitespace: Bool { properties.isWhitespace }

    /// `[\r\n]`.
    var isNewline: Bool { self == "\r" || self == "\n" }

    /// `[^\s\p{L}\p{N}]`.
    var isOther: Bool { !isWhitespace && !isLetter && !isNumber }
}
