import Foundation
import Synchronization

/// Runs the `proctor` executable built next to the test bundle, as a user would.
public enum ProctorBinary {
    /// The built executable, found beside the running test bundle.
    public static var path: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundle.appendingPathComponent("proctor").path,
                          bundle.deletingLastPathComponent().appendingPathComponent("proctor").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// What one invocation produced.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `proctor` with `arguments` in `directory`, with `environment` over the test's own
    /// environment, and waits for it.
    public static func run(_ arguments: [String], in directory: String? = nil,
                           environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, override in override }
        }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Both pipes drain at once: a child that fills one while the other is read would block.
        let errBox = Mutex(Data())
        let errDone = DispatchSemaphore(value: 0)
        let errHandle = stderr.fileHandleForReading
        DispatchQueue.global().async {
            let data = errHandle.readDataToEndOfFile()
            errBox.withLock { $0 = data }
            errDone.signal()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        let errData = errBox.withLock { $0 }
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
