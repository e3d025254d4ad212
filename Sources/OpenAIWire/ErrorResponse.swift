/// An OpenAI-style error body: `{"error": {"message", "type", "code"}}`.
public struct ErrorResponse: Codable, Sendable, Equatable {
    /// What went wrong.
    public struct Detail: Codable, Sendable, Equatable {
        public var message: String
        /// "invalid_request_error", "not_found_error", "server_error", …
        public var type: String
        public var param: String?
        public var code: String?
    }

    public var error: Detail

    public init(message: String, type: String, param: String? = nil, code: String? = nil) {
        error = Detail(message: message, type: type, param: param, code: code)
    }
}
