/// Python 3's notions of text, reproduced on Unicode scalars.
///
/// Several reference metrics are defined by Python code (`str.lower`, `str.split`, `re`'s `\w`
/// and `\s`). Swift's `String` compares and hashes by canonical equivalence and lowercases by
/// grapheme, so these helpers work on `[Unicode.Scalar]`, where equality is Python's equality.
/// Character properties come from the Swift runtime's Unicode tables; Python 3.11 uses
/// Unicode 14, so scalars assigned after that may classify differently.
public enum PythonText {
    /// The scalars `str.isspace()` accepts; `\s`, `str.split()` and `str.strip()` use the same set.
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `\w` in a `re` pattern on `str`: a letter (any `L*` category), a numeric character, or `_`.
    public static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A) || value == 0x5F
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return properties.numericType != nil
        }
    }

    /// `str.lower()`: the full lowercase mapping of every scalar, with the final-sigma rule
    /// (capital sigma becomes `ς` after a cased letter and not before one).
    public static func lowercased(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.count)
        for index in text.indices {
            let scalar = text[index]
            let value = scalar.value
            if value < 0x80 {
                result.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 0x20)! : scalar)
            } else if value == 0x03A3 {
                result.append(isFinalSigma(in: text, at: index) ? "\u{03C2}" : "\u{03C3}")
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return result
    }

    /// `str.lower()` on a Swift string.
    public static func lowercased(_ text: String) -> [Unicode.Scalar] {
        lowercased(Array(text.unicodeScalars))
    }

    /// `str.strip()` with no arguments: drops leading and trailing whitespace.
    public static func stripped(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return [] }
        let last = text.lastIndex(where: { !isSpace($0) })!
        return Array(text[first...last])
    }

    /// `str.split()` with no arguments: the maximal runs of non-whitespace.
    public static func split(_ text: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in text {
            if isSpace(scalar) {
                if !current.isEmpty {
                    words.append(current)
                    current.removeAll(keepingCapacity: true)
                }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `needle in haystack` for `str`: whether `needle` occurs as a contiguous run of scalars.
    public static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        let first = needle[0]
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Python's final-sigma test: a cased letter before (skipping case-ignorable scalars)
    /// and no cased letter after.
    private static func isFinalSigma(in text: [Unicode.Scalar], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0 && text[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= 0 && text[before].properties.isCased else { return false }
        var after = index + 1
        while after < text.count && text[after].properties.isCaseIgnorable { after += 1 }
        return after == text.count || !text[after].properties.isCased
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars as a Swift string (for display and JSON output).
    var pythonString: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: self)
        return String(view)
    }
}
