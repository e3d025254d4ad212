/// Why remote generation failed: the request (endpoint and what it was for) and the field or
/// status at fault.
public struct RemoteError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
