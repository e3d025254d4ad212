import OpenAIWire

/// A request the server cannot answer, as the HTTP status and OpenAI-style error body it gets.
public struct ServingError: Error, CustomStringConvertible, Sendable {
    /// The HTTP status and the OpenAI error type that goes with it.
    public enum Kind: Sendable {
        case badRequest, unauthorized, notFound, tooLarge, serverError

        /// HTTP status code.
        public var status: Int {
            switch self {
            case .badRequest: 400
            case .unauthorized: 401
            case .notFound: 404
            case .tooLarge: 413
            case .serverError: 500
            }
        }

        /// OpenAI's `error.type`.
        public var type: String {
            switch self {
            case .badRequest, .unauthorized, .notFound, .tooLarge: "invalid_request_error"
            case .serverError: "server_error"
            }
        }
    }

    public let kind: Kind
    public let message: String
    /// The request field at fault.
    public let param: String?
    public let code: String?

    public init(_ kind: Kind, _ message: String, param: String? = nil, code: String? = nil) {
        self.kind = kind
        self.message = message
        self.param = param
        self.code = code
    }

    public var description: String { message }

    /// The body sent to the client.
    public var body: ErrorResponse { ErrorResponse(message: message, type: kind.type, param: param, code: code) }
}
