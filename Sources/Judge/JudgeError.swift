/// A problem with the judge's inputs or infrastructure, naming the file, line or field at fault.
public struct JudgeError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var file: String?
    public var line: Int?
    public var field: String?

    public init(_ message: String, file: String? = nil, line: Int? = nil, field: String? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.field = field
    }

    public var description: String {
        var location = file ?? ""
        if let line { location += ":\(line)" }
        if let field { location += location.isEmpty ? "field '\(field)'" : ": field '\(field)'" }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
