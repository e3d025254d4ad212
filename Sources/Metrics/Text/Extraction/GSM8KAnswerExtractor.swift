/// GSM8K answer extraction and comparison as lm-evaluation-harness's `gsm8k` task does it.
///
/// - strict-match: the first `#### (\-?[0-9\.\,]+)` in the response;
/// - flexible-extract: the last match of `(-?[$0-9.,]{2,})|(-?[0-9]+)`;
/// - no match gives `"[invalid]"`. Both extracted answer and gold then lose every `,` and `$`,
///   everything up to the last `"#### "`, and one trailing `.` (at the end or before a final
///   newline), are lowercased, and compared as strings.
public enum GSM8KAnswerExtractor {
    /// The harness's fallback when no number is found.
    public static let invalidAnswer = "[invalid]"

    /// The strict-match answer: the number after the first `#### `.
    public static func strictAnswer(_ response: String) -> String {
        let text = Array(response.unicodeScalars)
        let marker: [Unicode.Scalar] = ["#", "#", "#", "#", " "]
        var start = 0
        while start + marker.count <= text.count {
            if text[start..<(start + marker.count)].elementsEqual(marker) {
                var position = start + marker.count
                let hasMinus = position < text.count && text[position] == "-"
                if hasMinus { position += 1 }
                var end = position
                while end < text.count && isDigitDotOrComma(text[end]) { end += 1 }
                if end > position {
                    return trimmed(text[(start + marker.count)..<end])
                }
            }
            start += 1
        }
        return invalidAnswer
    }

    /// The flexible-extract answer: the last number-like run in the response.
    public static func flexibleAnswer(_ response: String) -> String {
        let text = Array(response.unicodeScalars)
        var last: Range<Int>?
        var start = 0
        while start < text.count {
            if let match = flexibleMatch(in: text, at: start) {
                last = match
                start = match.upperBound
            } else {
                start += 1
            }
        }
        guard let last else { return invalidAnswer }
        return trimmed(text[last])
    }

    /// The harness's `regexes_to_ignore` and `ignore_case` applied to an answer or a gold.
    public static func normalize(_ answer: String) -> String {
        var text = Array(answer.unicodeScalars).filter { $0 != "," && $0 != "$" }
        let marker: [Unicode.Scalar] = ["#", "#", "#", "#", " "]
        if text.count >= marker.count {
            for start in stride(from: text.count - marker.count, through: 0, by: -1)
            where text[start..<(start + marker.count)].elementsEqual(marker) {
                text.removeFirst(start + marker.count)
                break
            }
        }
        if text.last == "." {
            text.removeLast()
        } else if text.count >= 2 && text[text.count - 1] == "\n" && text[text.count - 2] == "." {
            text.remove(at: text.count - 2)
        }
        return PythonText.lowercased(text).pythonString
    }

    /// Whether the answer extracted from `response` equals the gold after normalization.
    public static func isCorrect(extracted: String, gold: String) -> Bool {
        Array(normalize(extracted).unicodeScalars) == Array(normalize(gold).unicodeScalars)
    }

    /// The match of `(-?[$0-9.,]{2,})|(-?[0-9]+)` starting exactly at `start`, if any.
    private static func flexibleMatch(in text: [Unicode.Scalar], at start: Int) -> Range<Int>? {
        let afterMinus = start < text.count && text[start] == "-" ? start + 1 : start
        // First alternative, with and then without the optional minus.
        for bodyStart in Set([afterMinus, start]).sorted(by: >) {
            var end = bodyStart
            while end < text.count && (isDigitDotOrComma(text[end]) || text[end] == "$") { end += 1 }
            if end - bodyStart >= 2 { return start..<end }
        }
        for bodyStart in Set([afterMinus, start]).sorted(by: >) {
            var end = bodyStart
            while end < text.count && isDigit(text[end]) { end += 1 }
            if end > bodyStart { return start..<end }
        }
        return nil
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    private static func isDigitDotOrComma(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || scalar == "." || scalar == ","
    }

    /// Python's `str.strip()` on a match.
    private static func trimmed(_ match: ArraySlice<Unicode.Scalar>) -> String {
        PythonText.stripped(Array(match)).pythonString
    }
}
