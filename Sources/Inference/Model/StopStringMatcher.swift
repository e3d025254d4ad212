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

    /// How many bytes at the start of the text are final: no stop string can still begin in
    /// them, and they end on a character boundary. The whole text before a stop string once one
    /// is found.  // bytes
    var settledCount: Int {
        if let stopOffset { return stopOffset }
        var end = bytes.count
        // Hold back the longest end of the text that could still grow into a stop string.
        for stop in stops {
            var length = min(stop.count - 1, bytes.count)
            while length > 0 {
                if bytes[(bytes.count - length)...].elementsEqual(stop[..<length]) {
                    end = min(end, bytes.count - length)
                    break
                }
                length -= 1
            }
        }
        // Hold back a character whose bytes have not all arrived.
        var start = end
        while start > 0, end - start < 4, bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
        if start > 0 {
            let lead = bytes[start - 1]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if end - (start - 1) < length { end = start - 1 }
        }
        return end
    }

    /// The text before the stop string (all of it when none was found); a character cut off
    /// at the end becomes U+FFFD.
    var text: String {
        String(decoding: bytes[..<(stopOffset ?? bytes.count)], as: UTF8.self)
    }
}
