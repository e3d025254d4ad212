import Foundation

/// A server started for a test (`proctor serve`, a scripted fault server): waits, a bounded
/// time, for the first line of standard output that says where it listens, and is stopped by
/// its process id when the test ends.
public final class ServerProcess: @unchecked Sendable {
    public let process = Process()
    /// The first line the server printed.
    public private(set) var firstLine = ""
    private let outputPath: String

    /// Starts `executable` with `arguments` (and `environment` over the test's own) and waits up
    /// to `startupSeconds` for its first line.
    public init(executable: String, arguments: [String], environment: [String: String] = [:],
                startupSeconds: Double = 120) throws {
        outputPath = NSTemporaryDirectory() + "proctor-server-\(UUID().uuidString).out"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, override in override }
        }
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(startupSeconds)
        while Date() < deadline && process.isRunning {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            if let end = text.firstIndex(of: "\n") {
                firstLine = String(text[..<end])
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        throw ServerStartError(arguments: arguments)
    }

    /// Stops the server: SIGTERM, then SIGKILL if it is still running after five seconds.
    public func stop() {
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: outputPath)
    }

    /// Thrown when the server exits or stays silent instead of announcing itself.
    public struct ServerStartError: Error, CustomStringConvertible {
        public let arguments: [String]
        public var description: String { "the server did not announce itself: \(arguments.joined(separator: " "))" }
    }
}
