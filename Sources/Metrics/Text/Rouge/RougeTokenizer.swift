/// rouge-score 0.1.2's default tokenizer.
///
/// Python's `lower()`, then every run of characters outside ASCII `[a-z0-9]` becomes a
/// separator, then (when stemming) tokens longer than three characters are Porter-stemmed.
/// After lowercasing only two non-ASCII scalars yield ASCII letters: U+0130 `İ` (→ `i` and a
/// combining dot, which separates) and U+212A Kelvin sign (→ `k`); every other non-ASCII
/// scalar separates ("café" gives `caf`).
public struct RougeTokenizer: Sendable {
    /// Whether tokens longer than three characters are reduced with NLTK's Porter stemmer.
    public let usesStemmer: Bool

    /// Creates a tokenizer, with or without stemming.
    public init(usesStemmer: Bool) {
        self.usesStemmer = usesStemmer
    }

    /// The tokens of `text`, as rouge-score's `tokenize(text, stemmer)` returns them.
    public func tokens(_ text: String) -> [String] {
        var words: [String] = []
        RougeTokenizer.forEachRawToken(in: text, onNewline: {}) { raw in
            words.append(String(decoding: stemmedBytes(raw), as: UTF8.self))
        }
        return words.filter { !$0.isEmpty }
    }

    /// The stemmed form of one raw token (lowercase ASCII letters and digits).
    func stemmedBytes(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard usesStemmer && raw.count > 3 else { return Array(raw) }
        let stem = PorterStemmer().stem(letters: raw.map { UInt32($0) }, originalLength: raw.count)
        return stem.map { UInt8(truncatingIfNeeded: $0) }
    }

    /// Calls `body` with each raw (unstemmed) token of `text`, in order, as lowercase ASCII bytes,
    /// and `onNewline` at every `\n` (after the token before it).
    ///
    /// Works on the UTF-8 bytes directly: ASCII letters are folded, `İ` and the Kelvin sign
    /// contribute their ASCII letter, and every other byte ends the current token.
    static func forEachRawToken(in text: String, onNewline: () -> Void,
                                _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { token in
                var length = 0
                func flush() {
                    if length > 0 {
                        body(UnsafeBufferPointer(rebasing: token[0..<length]))
                        length = 0
                    }
                }
                var index = 0
                let count = bytes.count
                while index < count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                            token[length] = byte
                            length += 1
                        } else if byte >= 0x41 && byte <= 0x5A {
                            token[length] = byte | 0x20
                            length += 1
                        } else {
                            flush()
                            if byte == 0x0A { onNewline() }
                        }
                        index += 1
                        continue
                    }
                    // U+0130 is C4 B0: lowercases to "i" + U+0307, so "i" then a separator.
                    if byte == 0xC4 && index + 1 < count && bytes[index + 1] == 0xB0 {
                        token[length] = 0x69
                        length += 1
                        flush()
                        index += 2
                        continue
                    }
                    // U+212A is E2 84 AA: lowercases to "k".
                    if byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA {
                        token[length] = 0x6B
                        length += 1
                        index += 3
                        continue
                    }
                    flush()
                    index += 1
                }
                flush()
            }
        }
    }
}
