/// Why a JSON Lines file could not be read, naming the file, line and field at fault.
public enum JSONLinesError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened.
    case cannotOpen(file: String, errno: Int32)
    /// Reading failed part way.
    case readFailed(file: String, errno: Int32)
    /// The line is not one complete JSON value.
    case malformedJSON(file: String, line: Int, reason: String)
    /// The line's bytes are not valid UTF-8.
    case invalidUTF8(file: String, line: Int)
    /// The line is valid JSON but not an object.
    case notAnObject(file: String, line: Int, type: String)
    /// A required field is absent (or null).
    case missingField(file: String, line: Int, field: String)
    /// A field holds something other than what it must: `expected` names what ("a string",
    /// "a string or a list of strings"), `type` what was found.
    case fieldNotString(file: String, line: Int, field: String, expected: String, type: String)
    /// A field has the right type but a value the task cannot use (a gold letter outside A–D).
    case invalidValue(file: String, line: Int, field: String, expected: String, value: String)

    /// The line the error is about, if any.
    public var line: Int? {
        switch self {
        case .cannotOpen, .readFailed: return nil
        case .malformedJSON(_, let line, _), .invalidUTF8(_, let line), .notAnObject(_, let line, _),
             .missingField(_, let line, _), .fieldNotString(_, let line, _, _, _), .invalidValue(_, let line, _, _, _):
            return line
        }
    }

    /// A one-line message: `file:line: what is wrong`.
    public var description: String {
        switch self {
        case .cannotOpen(let file, _), .readFailed(let file, _): return "\(file): \(reason)"
        case .malformedJSON(let file, let line, _), .invalidUTF8(let file, let line), .notAnObject(let file, let line, _),
             .missingField(let file, let line, _), .fieldNotString(let file, let line, _, _, _),
             .invalidValue(let file, let line, _, _, _):
            return "\(file):\(line): \(reason)"
        }
    }

    /// What is wrong, without the file and line (for a caller that reports those itself).
    public var reason: String {
        switch self {
        case .cannotOpen(_, let errno): return "cannot open (\(systemErrorText(errno)))"
        case .readFailed(_, let errno): return "read failed (\(systemErrorText(errno)))"
        case .malformedJSON(_, _, let reason): return "not valid JSON (\(reason))"
        case .invalidUTF8: return "not valid UTF-8"
        case .notAnObject(_, _, let type): return "expected a JSON object, found \(type)"
        case .missingField(_, _, let field): return "field \"\(field)\" is missing or null"
        case .fieldNotString(_, _, let field, let expected, let type):
            return "field \"\(field)\" must be \(expected), found \(type)"
        case .invalidValue(_, _, let field, let expected, let value):
            return "field \"\(field)\" must be \(expected), found \(value)"
        }
    }
}
