import Foundation
import Sandbox

/// A language's installed toolchain: the real executables, what its compile step and its runs may
/// read and execute, and the commands for both. Located once, outside the sandbox.
public struct Toolchain: Sendable {
    public let language: Language
    /// The real path of the compiler (or runtime, for JavaScript's syntax check).
    public let compiler: String
    /// The real path of the runtime a compiled program runs on (java, node), or nil for native code.
    public let runtime: String?
    /// Trees the toolchain reads besides the system library directories (its sysroot, JDK
    /// configuration), with the places their symbolic links lead (Debian links Go's sources into
    /// /usr/share and the JDK's configuration into /etc).
    let toolchainPaths: [String]
    /// Variables the compile step needs besides the base environment.
    let compileEnvironment: [String: String]

    /// Whose conventions a compile and run follow.
    public enum Dialect: Sendable {
        /// Proctor's (AtCoder's): C and C++ at -O2 with GNU extensions; Java without assertions.
        case judge
        /// MultiPL-E's evaluator: `g++ -std=c++17` without optimisation; Java with `-ea` (the tests
        /// are assert statements) and javatuples on the class path (every prompt imports it).
        case multiplE
    }

    /// Where Debian's libjavatuples-java puts the jar MultiPL-E's Java prompts import.
    public static let javaTuplesJar = "/usr/share/java/javatuples.jar"

    /// What a compile step may take: generous, since only the compiler's own work is limited (the
    /// candidate has not run yet). Killed compiles are a compile error.
    public static let compileLimits = ResourceLimits(
        cpuTimeSeconds: 30, wallTimeSeconds: 40, memoryBytes: 2 << 30, outputBytes: 1 << 20,
        fileSizeBytes: 256 << 20, openFiles: 512)

    /// Directories whose programs a compile step may execute: the compiler driver starts its passes
    /// (cc1plus, as, ld, collect2; rustc's linker) as processes.
    static let compilerProgramDirectories = ["/usr/bin", "/bin", "/usr/lib/gcc", "/usr/libexec"]
    /// Header directories a compile step may read.
    static let headerDirectories = ["/usr/include", "/usr/local/include"]

    /// Finds the toolchain of `language` on this machine (`PATH` as Proctor was started with).
    /// A missing one is an error naming the Debian package that provides it.
    public static func locate(_ language: Language, searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> Toolchain {
        func find(_ name: String) throws -> String {
            guard let path = ExecutableInfo.resolve(name, searchPath: searchPath) else {
                throw JudgeError("judging \(language.displayName) needs '\(name)', which is not installed: "
                                 + "apt-get install \(language.debianPackage) (or scripts/setup.sh --languages)")
            }
            return path
        }
        switch language.family {
        case .python:
            let python = try PythonInterpreter.locate("python3")
            return Toolchain(language: language, compiler: python.executable, runtime: python.executable,
                             toolchainPaths: python.prefixes, compileEnvironment: [:])
        case .gcc(let compiler, _):
            return Toolchain(language: language, compiler: try find(compiler), runtime: nil, toolchainPaths: [],
                             compileEnvironment: [:])
        case .rust:
            // rustup installs a proxy named rustc (a link to rustup, which looks at the name it was
            // run by); the sandbox runs the real compiler from the sysroot the proxy reports.
            _ = try find("rustc")
            let proxy = Self.unresolved("rustc", searchPath: searchPath) ?? "rustc"
            let sysroot = try Self.output(of: proxy, ["--print", "sysroot"])
            let real = sysroot + "/bin/rustc"
            guard FileManager.default.isExecutableFile(atPath: real) else {
                throw JudgeError("rustc's sysroot \(sysroot) has no bin/rustc", file: proxy)
            }
            return Toolchain(language: language, compiler: real, runtime: nil, toolchainPaths: [sysroot],
                             compileEnvironment: [:])
        case .go:
            let go = try find("go")
            let root = URL(fileURLWithPath: go).deletingLastPathComponent().deletingLastPathComponent().path
            return Toolchain(language: language, compiler: go, runtime: nil, toolchainPaths: [root],
                             compileEnvironment: ["GOROOT": root, "CGO_ENABLED": "0", "GOFLAGS": "-buildvcs=false",
                                                  "GO111MODULE": "off", "GOTOOLCHAIN": "local"])
        case .java:
            let javac = try find("javac")
            let java = try find("java")
            let home = URL(fileURLWithPath: javac).deletingLastPathComponent().deletingLastPathComponent()
            // Debian keeps the JDK's configuration under /etc, linked from the JDK's conf directory.
            let configuration = home.appendingPathComponent("conf").resolvingSymlinksInPath().path
            return Toolchain(language: language, compiler: javac, runtime: java,
                             toolchainPaths: [home.path, configuration], compileEnvironment: [:])
        case .javascript:
            let node = try find("node")
            return Toolchain(language: language, compiler: node, runtime: node,
                             toolchainPaths: ["/usr/share/nodejs", "/usr/lib/node_modules"],
                             compileEnvironment: ["OPENSSL_CONF": "/dev/null"])
        }
    }

    /// The first line `--version` prints (standard output or error), for `proctor doctor`.
    public func versionLine() -> String {
        let arguments: [String]
        switch language.family {
        case .java: arguments = ["-version"]
        case .go: arguments = ["version"]
        default: arguments = ["--version"]
        }
        return (try? Self.output(of: compiler, arguments, includingErrors: true))?
            .split(separator: "\n").first.map(String.init) ?? "?"
    }

    // MARK: - Compiling

    /// The name the source is written under: `Main.java` unless the Java source declares another
    /// public class (javac insists the file be named after it).
    public func sourceFileName(for code: String) -> String {
        guard language.family == .java, let name = Self.publicClassName(in: code) else { return language.sourceFile }
        return name + ".java"
    }

    /// The compile step for `code`, writing into `buildDirectory`, and the policy it runs under;
    /// nil for Python, whose compile step is part of its run.
    public func compileStep(code: String, buildDirectory: String, dialect: Dialect = .judge) -> (SandboxCommand, SandboxPolicy)? {
        let source = sourceFileName(for: code)
        let output = buildDirectory + "/main"
        var arguments: [String]
        switch language.family {
        case .python:
            return nil
        case .gcc(_, let standard) where dialect == .multiplE:
            arguments = [compiler, "-std=" + standard.replacingOccurrences(of: "gnu", with: "c"), "-pipe", "-o", output, source]
        case .gcc(_, let standard):
            arguments = [compiler, "-std=" + standard, "-O2", "-pipe", "-o", output, source]
            if standard.hasPrefix("gnu") && !standard.contains("++") { arguments.append("-lm") }
        case .rust:
            arguments = [compiler, "--edition", "2021", "-O", "-o", output, source]
        case .go:
            arguments = [compiler, "build", "-o", output, source]
        case .java:
            arguments = [compiler, "-J-Xmx512m", "-J-XX:+UseSerialGC", "-J-XX:-UsePerfData",
                         "-J-XX:TieredStopAtLevel=1", "-encoding", "UTF-8", "-d", buildDirectory]
            if dialect == .multiplE { arguments += ["-cp", Self.javaTuplesJar] }
            arguments.append(source)
        case .javascript:
            arguments = [compiler, "--check", source]
        }
        let environment = PreparedCommand.baseEnvironment.merging(compileEnvironment) { _, own in own }
        let command = SandboxCommand(executable: compiler, arguments: arguments, environment: environment,
                                     files: [source: Array(code.utf8)])
        let policy = SandboxPolicy(
            limits: Self.compileLimits,
            readablePaths: HostSupport.systemLibraryPaths + Self.headerDirectories + Self.compilerProgramDirectories
                + toolchainPaths + extraClassPath(dialect),
            executablePaths: Self.compilerProgramDirectories + toolchainPaths + loaderPaths(of: compiler),
            writablePaths: [buildDirectory], allowsChildProcesses: true)
        return (command, policy)
    }

    // MARK: - Running

    /// The command that runs the compiled program (or the script, for JavaScript) from
    /// `buildDirectory` on `input`, and the paths it may read and execute. `limits.memoryBytes`
    /// sizes the JVM's and Node's heaps; the caller sets each test's own limits on the policy.
    public func runStep(code: String, buildDirectory: String, input: [UInt8] = [], limits: ResourceLimits,
                        dialect: Dialect = .judge) -> (SandboxCommand, SandboxPolicy) {
        var files: [String: [UInt8]] = [:]
        let executable: String
        var arguments: [String]
        var readable = HostSupport.systemLibraryPaths + [buildDirectory]
        switch language.family {
        case .python:
            executable = compiler
            arguments = [compiler, "-s", "main.py"]
            files["main.py"] = Array(code.utf8)
            readable += toolchainPaths
        case .gcc, .rust, .go:
            executable = buildDirectory + "/main"
            arguments = [executable]
        case .java:
            executable = runtime ?? compiler
            let heapMiB = max(32, (limits.memoryBytes * 3 / 4) >> 20)
            let mainClass = Self.publicClassName(in: code) ?? Self.firstClassName(in: code) ?? "Main"
            arguments = [executable, "-Xmx\(heapMiB)m", "-Xss64m", "-XX:+UseSerialGC", "-XX:-UsePerfData"]
            if dialect == .multiplE { arguments.append("-ea") }
            arguments += ["-cp", ([buildDirectory] + extraClassPath(dialect)).joined(separator: ":"), mainClass]
            readable += toolchainPaths + extraClassPath(dialect)
        case .javascript:
            executable = runtime ?? compiler
            let heapMiB = max(32, (limits.memoryBytes * 3 / 4) >> 20)
            arguments = [executable, "--max-old-space-size=\(heapMiB)", "--stack-size=65500", "main.js"]
            files["main.js"] = Array(code.utf8)
            readable += toolchainPaths
        }
        let command = SandboxCommand(executable: executable, arguments: arguments, environment: runEnvironment,
                                     input: .bytes(input), files: files)
        let policy = SandboxPolicy(limits: limits, readablePaths: readable,
                                   executablePaths: [executable] + loaderPaths(of: executable))
        return (command, policy)
    }

    init(language: Language, compiler: String, runtime: String?, toolchainPaths: [String],
         compileEnvironment: [String: String]) {
        self.language = language
        self.compiler = compiler
        self.runtime = runtime
        self.toolchainPaths = Self.withLinkTargets(toolchainPaths)
        self.compileEnvironment = compileEnvironment
    }

    /// The environment a run starts with. Node.js reads OpenSSL's configuration under /etc at
    /// start and stops when it cannot; it is pointed at an empty file.
    var runEnvironment: [String: String] {
        var environment = PreparedCommand.baseEnvironment
        if language.family == .javascript { environment["OPENSSL_CONF"] = "/dev/null" }
        return environment
    }

    // MARK: - Helpers

    /// `paths` and where the symbolic links found in them lead, three directory levels deep: a
    /// linked directory as it is, a linked file by its directory unless that is a broad system
    /// directory (then the file alone, so that /etc never becomes readable as a whole).
    static func withLinkTargets(_ paths: [String]) -> [String] {
        let files = FileManager.default
        let broad: Set<String> = ["/", "/etc", "/usr", "/usr/lib", "/usr/share", "/usr/bin", "/root", "/home", "/var", "/tmp"]
        func isDirectory(_ path: String) -> Bool {
            var flag: ObjCBool = false
            return files.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
        }
        var found = paths
        var level = paths
        for _ in 0..<3 {
            var next: [String] = []
            for directory in level {
                for name in (try? files.contentsOfDirectory(atPath: directory)) ?? [] {
                    let path = directory + "/" + name
                    guard (try? files.destinationOfSymbolicLink(atPath: path)) != nil else {
                        if isDirectory(path) { next.append(path) }
                        continue
                    }
                    var target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                    if !isDirectory(target) {
                        let parent = (target as NSString).deletingLastPathComponent
                        if !broad.contains(parent) { target = parent }
                    }
                    if !found.contains(where: { target == $0 || target.hasPrefix($0 + "/") }) { found.append(target) }
                }
            }
            level = next
        }
        return found
    }

    /// The ELF loader an executable names, by its real path too (Landlock checks the file opened).
    private func loaderPaths(of executable: String) -> [String] {
        guard let loader = ExecutableInfo.elfInterpreter(of: executable) else { return [] }
        let real = URL(fileURLWithPath: loader).resolvingSymlinksInPath().path
        return real == loader ? [loader] : [loader, real]
    }

    /// Jars a Java dialect adds to the class path (MultiPL-E's javatuples, where installed).
    private func extraClassPath(_ dialect: Dialect) -> [String] {
        guard language.family == .java, dialect == .multiplE,
            FileManager.default.fileExists(atPath: Self.javaTuplesJar) else { return [] }
        return [URL(fileURLWithPath: Self.javaTuplesJar).resolvingSymlinksInPath().path]
    }

    /// The name of the first class a Java source declares (MultiPL-E's `class Problem`).
    static func firstClassName(in code: String) -> String? {
        for line in code.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" })
            guard let index = words.firstIndex(of: "class"), index + 1 < words.count,
                words[..<index].allSatisfy({ ["public", "final", "abstract"].contains($0) })
            else { continue }
            return String(words[index + 1])
        }
        return nil
    }

    /// The first `name` on `searchPath` as it is found there, links not followed.
    static func unresolved(_ name: String, searchPath: String?) -> String? {
        (searchPath ?? "").split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The name of the first `public class` (or `public final class`) a Java source declares.
    static func publicClassName(in code: String) -> String? {
        for line in code.split(separator: "\n") {
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" })[...]
            guard words.first == "public" else { continue }
            words = words.dropFirst().drop { $0 == "final" || $0 == "abstract" }
            guard words.first == "class", let name = words.dropFirst().first,
                name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" })
            else { continue }
            return String(name)
        }
        return nil
    }

    /// What a trusted host program prints (used to locate toolchains, never for candidates).
    static func output(of executable: String, _ arguments: [String], includingErrors: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = includingErrors ? pipe : FileHandle.nullDevice
        do { try process.run() } catch {
            throw JudgeError("cannot run \(executable): \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
