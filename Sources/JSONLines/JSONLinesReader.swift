/// A streaming reader of JSON Lines files (one JSON object per line), parsed with libjson-c.
///
/// Memory stays bounded by the longest line. Blank (whitespace-only) lines are skipped but
/// counted, CRLF endings and a leading UTF-8 BOM are accepted, and every problem is a
/// `JSONLinesError` naming the file and line. After an error the reader is positioned on the
/// next line, so a caller can skip invalid lines and go on.
public final class JSONLinesReader {
    /// The path being read, as given.
    public let path: String
    /// The fields extracted from every record.
    public let fields: [String]
    private let lines: LineReader
    private let parser = JSONCParser()

    /// Opens `path`, extracting `fields` from each record.
    public init(path: String, fields: [String]) throws(JSONLinesError) {
        self.path = path
        self.fields = fields
        lines = try LineReader(path: path)
    }

    /// The next record, `nil` at the end of the file; throws for a line that is not a JSON object.
    public func next() throws(JSONLinesError) -> JSONLinesRecord? {
        while true {
            let outcome: JSONLinesRecord?? = try lines.nextLine { bytes throws(JSONLinesError) -> JSONLinesRecord? in
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
                return try parser.record(bytes, fields: fields, file: path, line: lines.lineNumber)
            }
            guard let outcome else { return nil }     // end of file
            if let record = outcome { return record } // otherwise a blank line: keep going
        }
    }
}
