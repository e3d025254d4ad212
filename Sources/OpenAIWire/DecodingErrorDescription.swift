import Foundation

extension DecodingError {
    /// Which field of a JSON body did not fit and how, in words: "field choices[0].index is
    /// missing". The server says it of a request, the client of an answer.
    public var fieldDescription: String {
        func path(_ keys: [CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch self {
        case .keyNotFound(let key, let context):
            return "field \(path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "field \(path(context.codingPath)) is not a \(type)"
        case .valueNotFound(let type, let context):
            return "field \(path(context.codingPath)) is null, expected \(type)"
        case .dataCorrupted(let context):
            let field = context.codingPath.isEmpty ? "the body" : "field \(path(context.codingPath))"
            return "\(field) is not valid JSON (\(context.debugDescription))"
        @unknown default:
            return "\(self)"
        }
    }
}
