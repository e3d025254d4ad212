/// Turns a command line as a user types it (`python3 sol.py`) into a sandboxed command and the
/// file-system access it needs: the real interpreter, its libraries, and the files it names.
public struct PreparedCommand: Sendable {
    public var command: SandboxCommand
    public var readablePaths: [String]
    public var executablePaths: [String]

    /// The environment every run starts from; `HOME` and `TMPDIR` point at the run's own directory.
    public static let baseEnvironment: [String: String] = [
        "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
    ]

    /// Prepares `arguments` (program first). A program named `python…` is resolved to the real
    /// interpreter (shims such as pyenv's are followed, never run in the sandbox); arguments that
    /// name existing files become absolute paths the program may read.
    public static func prepare(_ arguments: [String], python: PythonInterpreter? = nil,
                               environment: [String: String] = [:], input: SandboxCommand.Input = .none,
                               currentDirectory: String) throws -> PreparedCommand {
        guard let program = arguments.first else { throw SandboxError("no program was given to run") }
        var readable = HostSupport.systemLibraryPaths
        var executable: String
        let name = program.split(separator: "/").last.map(String.init) ?? program
        if name.hasPrefix("python") {
            let interpreter = try python ?? PythonInterpreter.locate(program)
            executable = interpreter.executable
            readable += interpreter.prefixes
        } else {
            guard let found = ExecutableInfo.resolve(program, searchPath: PreparedCommand.baseEnvironment["PATH"]) else {
                throw SandboxError("finding the program '\(program)'")
            }
            if ExecutableInfo.isScript(found) {
                throw SandboxError("'\(program)' is a script; run its interpreter with the script as an argument",
                                   path: found)
            }
            executable = found
        }
        var executables = [executable]
        if let loader = ExecutableInfo.elfInterpreter(of: executable) {
            executables.append(Syscalls.realPath(loader) ?? loader)
        }
        var rewritten = [executable]
        for argument in arguments.dropFirst() {
            let absolute = argument.hasPrefix("/") ? argument : currentDirectory + "/" + argument
            if !argument.hasPrefix("-"), Syscalls.isRegularFile(absolute), let real = Syscalls.realPath(absolute) {
                readable.append(real)
                rewritten.append(real)
            } else {
                rewritten.append(argument)
            }
        }
        let merged = baseEnvironment.merging(environment) { _, given in given }
        let command = SandboxCommand(executable: executable, arguments: rewritten, environment: merged, input: input)
        return PreparedCommand(command: command, readablePaths: readable, executablePaths: executables)
    }
}
