/// A request the judging service cannot answer, as an HTTP status and a JSON error body
/// (`{"error": {"message", "code", "field"}}`).
public struct JudgeServiceError: Error, CustomStringConvertible, Sendable {
    public let status: Int
    public let message: String
    /// A short machine-readable reason: `invalid_json`, `invalid_field`, `unknown_problem`,
    /// `request_too_large`, `invalid_api_key`, `queue_full`, `judge_failed`.
    public let code: String
    /// The request field at fault.
    public let field: String?

    public init(status: Int, _ message: String, code: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.code = code
        self.field = field
    }

    public var description: String { message }

    /// A field that is missing or holds the wrong thing: 400.
    static func field(_ name: String, _ message: String) -> JudgeServiceError {
        JudgeServiceError(status: 400, "field '\(name)': \(message)", code: "invalid_field", field: name)
    }

    /// The body sent to the client.
    var body: Body { Body(error: .init(message: message, code: code, field: field)) }

    struct Body: Encodable {
        struct Detail: Encodable {
            let message: String
            let code: String
            let field: String?
        }
        let error: Detail
    }
}
