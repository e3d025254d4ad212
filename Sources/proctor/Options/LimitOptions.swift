import ArgumentParser
import Sandbox

/// Sandbox limits and protections shared by the commands that run programs.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("CPU-time limit, seconds.", valueName: "seconds"))
    var timeLimit: Double = 2

    @Option(help: ArgumentHelp("Wall-clock limit, seconds (default: 2 × time limit + 1).", valueName: "seconds"))
    var wallTimeLimit: Double?

    @Option(help: ArgumentHelp("Memory limit, MiB.", valueName: "MiB"))
    var memoryLimit: Int = 256

    @Option(help: ArgumentHelp("Output limit, MiB of standard output.", valueName: "MiB"))
    var outputLimit: Int = 64

    @Option(help: ArgumentHelp("Namespaces to create: a comma-separated subset of network,mount,ipc,uts,pid, or 'none'.",
                               valueName: "list"))
    var namespaces: String = "network,mount,ipc,uts"

    @Flag(help: "Do not apply the seccomp filter (for diagnosis only).")
    var noSeccomp = false

    @Flag(help: "Do not apply Landlock (for diagnosis only).")
    var noLandlock = false

    @Flag(help: "Do not use a memory cgroup; limit address space instead.")
    var noCgroup = false

    func validate() throws {
        if timeLimit <= 0 { throw ValidationError("--time-limit must be positive") }
        if memoryLimit <= 0 { throw ValidationError("--memory-limit must be positive") }
        _ = try parsedNamespaces()
    }

    func parsedNamespaces() throws -> Set<Namespace> {
        if namespaces == "none" { return [] }
        var result: Set<Namespace> = []
        for name in namespaces.split(separator: ",") {
            guard let namespace = Namespace(rawValue: String(name)) else {
                throw ValidationError("--namespaces: unknown namespace '\(name)'; use network, mount, ipc, uts, pid or none")
            }
            result.insert(namespace)
        }
        return result
    }

    func policy() -> SandboxPolicy {
        let resourceLimits = ResourceLimits(
            cpuTimeSeconds: timeLimit, wallTimeSeconds: wallTimeLimit, memoryBytes: memoryLimit << 20,
            outputBytes: outputLimit << 20)
        return SandboxPolicy(
            limits: resourceLimits, namespaces: (try? parsedNamespaces()) ?? Namespace.defaults,
            useSeccomp: !noSeccomp, useLandlock: !noLandlock, useCgroup: !noCgroup)
    }
}
