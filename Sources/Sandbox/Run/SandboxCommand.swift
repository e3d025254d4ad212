/// A program to run in the sandbox.
public struct SandboxCommand: Sendable {
    /// Where standard input comes from.
    public enum Input: Sendable {
        /// An empty standard input.
        case none
        /// These bytes (placed in an anonymous memory file, so writing never blocks).
        case bytes([UInt8])
        /// A file, opened by the supervisor: the program reads it without having access to its path.
        case file(String)
    }

    /// Absolute path of the executable.
    public var executable: String
    /// Arguments, `argv[0]` included.
    public var arguments: [String]
    /// The complete environment of the program.
    public var environment: [String: String]
    public var input: Input
    /// Files to place in the run's fresh working directory before it starts (name → contents).
    public var files: [String: [UInt8]]

    public init(executable: String, arguments: [String], environment: [String: String] = [:], input: Input = .none,
                files: [String: [UInt8]] = [:]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.input = input
        self.files = files
    }
}
