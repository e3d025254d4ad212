import Foundation

/// Which field of a JSON record `JSONDecoder` could not decode, and why, in words for an error
/// message (`tests[0].verdict`, "missing").
struct RecordDecodingFault {
    /// The field's path from the record's top, nil when the record as a whole is at fault.
    let field: String?
    /// What is wrong with it.
    let reason: String

    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            field = Self.path(context.codingPath + [key])
            reason = "missing"
        case .valueNotFound(_, let context):
            field = Self.path(context.codingPath)
            reason = "null where a value is needed"
        case .typeMismatch(let type, let context):
            field = Self.path(context.codingPath)
            reason = "not \(Self.typeName(type))"
        case .dataCorrupted(let context):
            field = Self.path(context.codingPath)
            reason = context.debugDescription
        @unknown default:
            field = nil
            reason = "\(error)"
        }
    }

    /// `tests[0].verdict` from the decoder's coding path; nil for an empty path.
    private static func path(_ keys: [any CodingKey]) -> String? {
        guard !keys.isEmpty else { return nil }
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is Int.Type, is Double.Type: return "a number"
        default: return "of type \(type)"
        }
    }
}
