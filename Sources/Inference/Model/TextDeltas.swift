/// A generation's text in pieces as it becomes final, for streaming: a piece never holds what
/// could still turn out to begin a stop string, nor half a character, so the pieces put
/// together are the generation's `text`.
public struct TextDeltas: Sendable {
    private var matcher: StopStringMatcher
    /// Bytes already handed out.
    private var emitted = 0

    public init(stopStrings: [String]) {
        matcher = StopStringMatcher(stopStrings: stopStrings)
    }

    /// Takes a generated token's bytes; returns the text that became final with it (often "").
    public mutating func append(_ tokenBytes: [UInt8]) -> String {
        _ = matcher.append(tokenBytes)
        return take(upTo: matcher.settledCount)
    }

    /// The rest of `finalText`, the generation's text once it ended, after the pieces handed out.
    public mutating func finish(finalText: String) -> String {
        let bytes = Array(finalText.utf8)
        guard emitted < bytes.count else { return "" }
        defer { emitted = bytes.count }
        return String(decoding: bytes[emitted...], as: UTF8.self)
    }

    private mutating func take(upTo end: Int) -> String {
        guard end > emitted else { return "" }
        defer { emitted = end }
        return String(decoding: matcher.bytes[emitted..<end], as: UTF8.self)
    }
}
