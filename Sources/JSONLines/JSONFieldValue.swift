/// The value of one requested field of a JSON Lines record.
public enum JSONFieldValue: Sendable, Equatable {
    /// The field is absent or `null`.
    case missing
    /// A string.
    case string(String)
    /// An array whose elements are all strings.
    case strings([String])
    /// A number, as its JSON text (`72`, `-3.5`).
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// Anything else; the JSON type's name ("number", "object", "array of mixed values", ...).
    case other(type: String)
}

/// One non-blank line of a JSON Lines file: its line number and the fields asked for.
public struct JSONLinesRecord: Sendable, Equatable {
    /// 1-based line number in the file (blank lines count).
    public let lineNumber: Int
    /// The requested fields' values, by field name.
    public let fields: [String: JSONFieldValue]
    /// The line itself (UTF-8, without its terminator), when the reader was asked to keep it so
    /// that the whole object can be decoded, nested values included; nil otherwise.
    public let lineBytes: [UInt8]?

    /// A record from its parts.
    public init(lineNumber: Int, fields: [String: JSONFieldValue], lineBytes: [UInt8]? = nil) {
        self.lineNumber = lineNumber
        self.fields = fields
        self.lineBytes = lineBytes
    }

    /// The value of `field` as one or more strings, or a typed error naming file, line and field.
    public func strings(_ field: String, file: String) throws(JSONLinesError) -> [String] {
        switch fields[field] ?? .missing {
        case .missing: throw .missingField(file: file, line: lineNumber, field: field)
        case .string(let value): return [value]
        case .strings(let values): return values
        case .number:
            throw .fieldNotString(file: file, line: lineNumber, field: field,
                                  expected: "a string or a list of strings", type: "a number")
        case .bool:
            throw .fieldNotString(file: file, line: lineNumber, field: field,
                                  expected: "a string or a list of strings", type: "a boolean")
        case .other(let type):
            throw .fieldNotString(file: file, line: lineNumber, field: field,
                                  expected: "a string or a list of strings", type: type)
        }
    }

    /// The value of `field` as exactly one string.
    public func string(_ field: String, file: String) throws(JSONLinesError) -> String {
        switch fields[field] ?? .missing {
        case .missing: throw .missingField(file: file, line: lineNumber, field: field)
        case .string(let value): return value
        case .strings:
            throw .fieldNotString(file: file, line: lineNumber, field: field, expected: "a string", type: "an array")
        case .number:
            throw .fieldNotString(file: file, line: lineNumber, field: field, expected: "a string", type: "a number")
        case .bool:
            throw .fieldNotString(file: file, line: lineNumber, field: field, expected: "a string", type: "a boolean")
        case .other(let type):
            throw .fieldNotString(file: file, line: lineNumber, field: field, expected: "a string", type: type)
        }
    }

    /// The value of `field` as one string, a number given as its JSON text (a label `2`, a
    /// GSM8K answer `72`).
    public func stringOrNumber(_ field: String, file: String) throws(JSONLinesError) -> String {
        switch fields[field] ?? .missing {
        case .missing: throw .missingField(file: file, line: lineNumber, field: field)
        case .string(let value), .number(let value): return value
        case .strings:
            throw .fieldNotString(file: file, line: lineNumber, field: field,
                                  expected: "a string or a number", type: "an array")
        case .bool:
            throw .fieldNotString(file: file, line: lineNumber, field: field,
                                  expected: "a string or a number", type: "a boolean")
        case .other(let type):
            throw .fieldNotString(file: file, line: lineNumber, field: field,
                                  expected: "a string or a number", type: type)
        }
    }
}
