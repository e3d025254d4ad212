#if canImport(Glibc)
import Glibc
#endif

/// Measures what the sandbox adds to starting a program: the same command run bare
/// (posix_spawn + wait, nothing else) and sandboxed, interleaved so both see the same machine.
public struct SpawnOverheadBenchmark: Sendable {
    /// Wall-clock seconds of each run, in the order they ran.
    public var bareSeconds: [Double] = []
    public var sandboxedSeconds: [Double] = []
    /// The protections in force for the sandboxed runs.
    public var protections = Protections()

    public init() {}

    /// Median of a sample.
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    public var bareMedian: Double { Self.median(bareSeconds) }
    public var sandboxedMedian: Double { Self.median(sandboxedSeconds) }
    /// Sandboxed median over bare median.
    public var ratio: Double { sandboxedMedian / bareMedian }

    /// Runs `command` `runs` times each way, alternating which goes first.
    public static func measure(_ prepared: PreparedCommand, policy: SandboxPolicy, sandbox: Sandbox, runs: Int,
                               warmup: Int = 3) throws -> SpawnOverheadBenchmark {
        var benchmark = SpawnOverheadBenchmark()
        for index in 0..<(runs + warmup) {
            let sandboxFirst = index % 2 == 0
            var bare = 0.0
            var sandboxed = 0.0
            for turn in 0..<2 {
                if (turn == 0) == sandboxFirst {
                    let started = Syscalls.monotonicNanoseconds()
                    let result = sandbox.run(prepared.command, policy: policy)
                    sandboxed = Double(Syscalls.monotonicNanoseconds() - started) / 1e9
                    guard result.status == .ok else {
                        throw SandboxError("benchmark run ended with \(result.status.rawValue): "
                            + String(decoding: result.stderr, as: UTF8.self) + (result.harnessMessage ?? ""))
                    }
                    benchmark.protections = result.protections
                } else {
                    bare = try spawnBare(prepared.command)
                }
            }
            if index >= warmup {
                benchmark.bareSeconds.append(bare)
                benchmark.sandboxedSeconds.append(sandboxed)
            }
        }
        return benchmark
    }

    /// posix_spawn the command with the same arguments and environment, wait, and time it.
    private static func spawnBare(_ command: SandboxCommand) throws -> Double {
        let argv = CStringArray(command.arguments)
        let envp = CStringArray(command.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let started = Syscalls.monotonicNanoseconds()
        let error = argv.pointers.withUnsafeBufferPointer { argvPointers in
            envp.pointers.withUnsafeBufferPointer { envpPointers in
                posix_spawn(&pid, command.executable, &actions, nil, argvPointers.baseAddress!,
                            envpPointers.baseAddress!)
            }
        }
        if error != 0 { throw SandboxError("posix_spawn for the bare run", errno: error, path: command.executable) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Double(Syscalls.monotonicNanoseconds() - started) / 1e9
    }
}
