/// An infrastructure failure of the sandbox itself (never a verdict about the program).
public struct SandboxError: Error, CustomStringConvertible, Sendable {
    /// What the sandbox was doing, e.g. "creating the memory cgroup".
    public var operation: String
    /// The errno, when a syscall failed.
    public var errno: Int32?
    /// A path involved, when there is one.
    public var path: String?

    public init(_ operation: String, errno: Int32? = nil, path: String? = nil) {
        self.operation = operation
        self.errno = errno
        self.path = path
    }

    public var description: String {
        var text = "sandbox: \(operation)"
        if let path { text += " (\(path))" }
        if let errno { text += ": \(errnoDescription(errno))" }
        return text
    }
}
