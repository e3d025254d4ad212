/// A problem with an evaluation's configuration, run directory or inputs, naming the file and
/// the field at fault (`checkpoints[1].temperature`).
public struct EvaluationError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var file: String?
    public var field: String?

    public init(_ message: String, file: String? = nil, field: String? = nil) {
        self.message = message
        self.file = file
        self.field = field
    }

    public var description: String {
        var location = file ?? ""
        if let field { location += location.isEmpty ? "field '\(field)'" : ": field '\(field)'" }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
