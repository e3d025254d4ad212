@testable import Judge
import Testing

@Suite("Output checkers")
struct OutputCheckerTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("tokens: whitespace and the final newline do not matter, tokens do", arguments: [
        ("1 2\n3\n", "1 2 3", true), ("Yes\n", "Yes", true), ("Yes\n", "yes\n", false),
        ("1 2\n", "1 2 0\n", false), ("10\n", "10.0\n", false), ("", "\n\n", true), ("a\r\nb\r\n", "a b", true),
    ])
    func tokens(expected: String, actual: String, accepted: Bool) {
        #expect(OutputChecker.accepts(.tokens, expected: bytes(expected), actual: bytes(actual)) == accepted)
    }

    @Test("float: absolute or relative error within epsilon", arguments: [
        ("0.5\n", "0.5000001\n", true), ("1000000\n", "1000000.5\n", true), ("1000000\n", "1000002\n", false),
        ("0.1\n", "0.1000011\n", false), ("1.0 abc\n", "1 abc\n", true), ("1.0 abc\n", "1 abd\n", false),
        ("2.5\n", "nan\n", false), ("2.5\n", "2.5 2.5\n", false),
    ])
    func floats(expected: String, actual: String, accepted: Bool) {
        let spec = CheckerSpec.float(absolute: 1e-6, relative: 1e-6)
        #expect(OutputChecker.accepts(spec, expected: bytes(expected), actual: bytes(actual)) == accepted)
    }

    @Test("lcb: lines stripped, same line count, equal lines or equal decimal tokens", arguments: [
        ("1 2\n3\n", "1 2\n3", true), ("1 2\n3\n", "1 2 3\n", false), ("  7  \n", "7", true),
        ("1.50\n", "1.5\n", true), ("1e2\n", "100\n", true), ("abc\n", "ABC\n", false), ("0.1\n", "0.10000001\n", false),
    ])
    func liveCodeBench(expected: String, actual: String, accepted: Bool) {
        #expect(OutputChecker.accepts(.liveCodeBench, expected: bytes(expected), actual: bytes(actual)) == accepted)
    }
}
