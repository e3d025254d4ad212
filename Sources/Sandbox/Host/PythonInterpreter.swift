import Foundation

/// A CPython installation the sandbox runs candidates with: its real executable and the
/// directory trees it reads (standard library, site-packages).
public struct PythonInterpreter: Sendable, Codable, Equatable {
    /// The real interpreter binary (shims and links resolved).
    public var executable: String
    /// `sys.prefix`, `sys.base_prefix` and `sys.exec_prefix`, without duplicates.
    public var prefixes: [String]
    /// `platform.python_version()`, e.g. "3.11.7".
    public var version: String

    public init(executable: String, prefixes: [String], version: String) {
        self.executable = executable
        self.prefixes = prefixes
        self.version = version
    }

    /// Finds a Python on PATH (or at a path) and asks it, once, where it lives. Shims such as
    /// pyenv's are followed to the interpreter they select, so the sandbox never runs the shim.
    public static func locate(_ nameOrPath: String = "python3") throws -> PythonInterpreter {
        let environment = ProcessInfo.processInfo.environment
        guard let found = ExecutableInfo.resolve(nameOrPath, searchPath: environment["PATH"]) else {
            throw SandboxError("finding the Python interpreter '\(nameOrPath)' on PATH")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: found)
        process.arguments = ["-c", "import sys, platform; print(sys.executable); print(platform.python_version()); "
            + "print(sys.prefix); print(sys.base_prefix); print(sys.exec_prefix)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SandboxError("starting the Python interpreter: \(error)", path: found)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard process.terminationStatus == 0, lines.count == 5, let executable = Syscalls.realPath(lines[0]) else {
            throw SandboxError("asking '\(found)' for sys.executable and sys.prefix (is it CPython 3?)", path: found)
        }
        var prefixes: [String] = []
        for prefix in lines[2...] {
            let real = Syscalls.realPath(prefix) ?? prefix
            if !prefixes.contains(real) { prefixes.append(real) }
        }
        return PythonInterpreter(executable: executable, prefixes: prefixes, version: lines[1])
    }
}
