/// The text of one generation, built from token bytes, watching for stop strings.
///
/// Works on UTF-8 bytes: a token may end in the middle of a character, and the stop strings
/// (valid UTF-8) match the bytes wherever they occur, across token boundaries. The text is
/// only decoded to a `String` at the end, so split characters are reassembled first.
struct StopStringMatcher {
    private let stops: [[UInt8]]
    private let longestStop: Int
    /// The generated text so far.  // UTF-8 bytes
    private(set) var bytes: [UInt8] = []
    /// Where the first stop string found begins, once one is.  // byte offset
    private(set) var stopOffset: Int?

    init(stopStrings: [String]) {
        stops = stopStrings.map { Array($0.utf8) }.filter { !$0.isEmpty }
        longestStop = stops.map(\.count).max() ?? 0
    }

    /// Appends a token's bytes; returns true when the text now contains a stop string.
    mutating func append(_ tokenBytes: [UInt8]) -> Bool {
        guard stopOffset == nil else { return true }
        // Only a match ending inside the new bytes is new: start the search early enough
        // for the longest stop to end at the first new byte.
        let searchStart = max(0, bytes.count - longestStop + 1)
        bytes.append(contentsOf: tokenBytes)
        guard !stops.isEmpty else { return false }
        var earliest: Int?
        for stop in stops where bytes.count >= stop.count {
            var start = searchStart
            while start + stop.count <= bytes.count {
                if bytes[start..<(start + stop.count)].elementsEqual(stop) {
                    earliest = min(earliest ?? start, start)
                    break
                }
                start += 1
            }
        }
        stopOffset = earliest
        return earliest != nil
    }

    /// The text before the stop string (all of it when none was found); a character cut off
    /// at the end becomes U+FFFD.
    var text: String {
        String(decoding: bytes[..<(stopOffset ?? bytes.count)], as: UTF8.self)
    }
}
