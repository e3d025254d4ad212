/// The answer letter of a generative multiple-choice response (MMLU, ARC style).
///
/// On the response's first line, the regular expression
/// `(?i)(?:^\W*|answer\s*(?:is)?\s*[:\-]?\s*|option\s*[:\-]?\s*)\(?([A-D])\)?\W*$`:
/// the line's last word character must be a letter A–D (either case) followed only by
/// non-word characters, and before it either nothing but non-word characters, or
/// "answer" / "option" with the optional "is", colon or dash, and an opening parenthesis.
public enum MultipleChoiceLetterExtractor {
    /// The uppercase letter A–D, or `nil` when the first line does not end in one.
    public static func letter(_ response: String) -> Character? {
        let line = Array(response.unicodeScalars.prefix { $0 != "\n" })
        guard let index = line.lastIndex(where: PythonText.isWordCharacter) else { return nil }
        let value = line[index].value | 0x20
        guard value >= 0x61 && value <= 0x64, line[index].value < 0x80 else { return nil }
        let before = line[..<index]
        let isLetterAlone = before.allSatisfy { !PythonText.isWordCharacter($0) }
        guard isLetterAlone || followsCue(Array(before)) else { return nil }
        return Character(Unicode.Scalar(value - 0x20)!)
    }

    /// Whether `text` ends with `answer\s*(?:is)?\s*[:\-]?\s*\(?` or `option\s*[:\-]?\s*\(?`.
    private static func followsCue(_ text: [Unicode.Scalar]) -> Bool {
        var end = text.count
        if end > 0 && text[end - 1] == "(" { end -= 1 }
        end = skipSpaces(text, end)
        let beforeSeparator = end
        if end > 0 && (text[end - 1] == ":" || text[end - 1] == "-") { end -= 1 }
        for candidateEnd in Set([end, beforeSeparator]) {
            let afterSeparatorSpaces = skipSpaces(text, candidateEnd)
            if endsWith(text, afterSeparatorSpaces, "option") { return true }
            if endsWith(text, afterSeparatorSpaces, "answer") { return true }
            if endsWith(text, afterSeparatorSpaces, "is") {
                let beforeIs = skipSpaces(text, afterSeparatorSpaces - 2)
                if endsWith(text, beforeIs, "answer") { return true }
            }
        }
        return false
    }

    private static func skipSpaces(_ text: [Unicode.Scalar], _ end: Int) -> Int {
        var position = end
        while position > 0 && PythonText.isSpace(text[position - 1]) { position -= 1 }
        return position
    }

    /// Whether `text[..<end]` ends with `word`, ignoring ASCII case (as `(?i)` does for these letters).
    private static func endsWith(_ text: [Unicode.Scalar], _ end: Int, _ word: String) -> Bool {
        let letters = Array(word.unicodeScalars)
        guard end >= letters.count else { return false }
        for (offset, letter) in letters.enumerated() {
            let scalar = text[end - letters.count + offset]
            let folded = scalar.value < 0x80 ? scalar.value | 0x20 : scalar.value
            if folded != letter.value { return false }
        }
        return true
    }
}
