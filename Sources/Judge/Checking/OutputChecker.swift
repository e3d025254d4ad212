import Foundation

/// Compares a candidate's output with the expected output (checker programs run elsewhere, in the sandbox).
public enum OutputChecker {
    /// Whether `actual` is accepted against `expected` under `spec` (not `.program`).
    public static func accepts(_ spec: CheckerSpec, expected: [UInt8], actual: [UInt8]) -> Bool {
        switch spec {
        case .tokens:
            return tokens(expected) == tokens(actual)
        case .float(let absolute, let relative):
            return floatTokensEqual(tokens(expected), tokens(actual), absolute: absolute, relative: relative)
        case .liveCodeBench:
            return liveCodeBenchEqual(expected: expected, actual: actual)
        case .program:
            preconditionFailure("checker programs are run by the CandidateRunner")
        }
    }

    /// Whitespace-separated tokens (space, tab, CR, LF, FF, VT), as byte strings.
    static func tokens(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(whereSeparator: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) })
    }

    static func floatTokensEqual(_ expected: [ArraySlice<UInt8>], _ actual: [ArraySlice<UInt8>], absolute: Double,
                                 relative: Double) -> Bool {
        guard expected.count == actual.count else { return false }
        for (want, got) in zip(expected, actual) where want != got {
            guard let wantValue = Double(String(decoding: want, as: UTF8.self)),
                let gotValue = Double(String(decoding: got, as: UTF8.self)),
                wantValue.isFinite, gotValue.isFinite
            else { return false }
            let error = abs(wantValue - gotValue)
            if !(error <= absolute || error <= relative * abs(wantValue)) { return false }
        }
        return true
    }

    /// LiveCodeBench's stdin comparison: strip the whole output, split on newlines, strip each line;
    /// the line counts must match and each line must be equal or have all tokens equal as decimals.
    static func liveCodeBenchEqual(expected: [UInt8], actual: [UInt8]) -> Bool {
        let wantLines = pythonStrip(String(decoding: expected, as: UTF8.self)).split(separator: "\n", omittingEmptySubsequences: false)
        let gotLines = pythonStrip(String(decoding: actual, as: UTF8.self)).split(separator: "\n", omittingEmptySubsequences: false)
        guard wantLines.count == gotLines.count else { return false }
        for (want, got) in zip(wantLines, gotLines) {
            let wantLine = pythonStrip(String(want))
            let gotLine = pythonStrip(String(got))
            if wantLine == gotLine { continue }
            let wantTokens = wantLine.split(whereSeparator: \.isWhitespace)
            let gotTokens = gotLine.split(whereSeparator: \.isWhitespace)
            guard wantTokens.count == gotTokens.count, !wantTokens.isEmpty else { return false }
            for (a, b) in zip(wantTokens, gotTokens) {
                guard let x = Decimal(string: String(a), locale: Locale(identifier: "en_US_POSIX")),
                    let y = Decimal(string: String(b), locale: Locale(identifier: "en_US_POSIX")),
                    isWholeDecimal(String(a)), isWholeDecimal(String(b)), x == y
                else { return false }
            }
        }
        return true
    }

    /// Whether Foundation's Decimal parsed all of the token (it accepts a numeric prefix).
    private static func isWholeDecimal(_ token: String) -> Bool {
        token.range(of: #"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"#, options: .regularExpression) != nil
    }

    /// Python's `str.strip()` for ASCII whitespace.
    static func pythonStrip(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
