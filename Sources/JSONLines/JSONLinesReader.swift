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
    /// Whether each record keeps its line's bytes (`JSONLinesRecord.lineBytes`).
    public let keepsLineBytes: Bool
    private let lines: LineReader
    private let parser = JSONCParser()

    /// Opens `path`, extracting `fields` from each record; with `keepsLineBytes`, each record
    /// also carries its line, for a caller that decodes nested values itself.
    public init(path: String, fields: [String], keepsLineBytes: Bool = false) throws(JSONLinesError) {
        self.path = path
        self.fields = fields
        self.keepsLineBytes = keepsLineBytes
        lines = try LineReader(path: path)
    }

    /// The next record, `nil` at the end of the file; throws for a line that is not a JSON object.
    public func next() throws(JSONLinesError) -> JSONLinesRecord? {
        while true {
            let outcome: JSONLinesRecord?? = try lines.nextLine { bytes throws(JSONLinesError) -> JSONLinesRecord? in
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
                let record = try parser.record(bytes, fields: fields, file: path, line: lines.lineNumber)
                guard keepsLineBytes else { return record }
                return JSONLinesRecord(lineNumber: record.lineNumber, fields: record.fields, lineBytes: Array(bytes))
            }
            guard let outcome else { return nil }     // end of file
            if let record = outcome { return record } // otherwise a blank line: keep going
        }
    }
}
