import Foundation
import Sandbox
import Testing
import TestSupport

/// Runs one probe through both launchers with one policy: exec'd by `csb_spawn`, and forked from a
/// fork server whose child confines itself. What the two children report must match line for line.
///
/// The policy keeps the default namespaces. A policy asking for a PID namespace would differ by
/// design: fork servers never get one (the pids they report must be the supervisor's).
enum ConfinementProbe {
    /// The default policy, plus /proc readable so that the probe can read its own status and limits.
    static func policy() throws -> SandboxPolicy {
        var policy = try ForkServerEnvironment.policy(ResourceLimits(cpuTimeSeconds: 5))
        policy.readablePaths.append("/proc")
        return policy
    }

    /// The supervisor's own namespaces and cgroup, for the probe to compare with its own.
    static var supervisorFacts: [String: String] {
        var facts = ["PROBE_SECRET": HostileEnvironment.secretFile, "PROBE_OUTSIDE": HostileEnvironment.outsideFile]
        for name in ["ipc", "mnt", "net", "pid", "user", "uts", "cgroup"] {
            let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/\(name)")
            facts["PROBE_NS_\(name)"] = link ?? "none"
        }
        facts["PROBE_CGROUP"] = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? "none"
        return facts
    }

    /// Runs `source` as `python -s main.py` on the plain path and on the fork-server path.
    static func runBothWays(_ source: String) throws -> (plain: RunResult, forked: RunResult) {
        let command = ForkServerEnvironment.command(source, environment: supervisorFacts)
        let policy = try policy()
        let plain = HostileEnvironment.sandbox.run(command, policy: policy)
        let forked = HostileEnvironment.sandbox.run(command, policy: policy, forkServers: ForkServerEnvironment.servers)
        return (plain, forked)
    }

    /// The number of seccomp filters the supervisor itself runs under (a container may add some).
    static var supervisorFilterCount: Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Seccomp_filters:") }
        return line.flatMap { Int($0.dropFirst("Seccomp_filters:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
    }

    /// Prints, one fact a line, what a program can observe of its own confinement, with nothing that
    /// differs between two runs of one launcher (no pids, no namespace inodes, no cgroup names).
    static let source = """
        import ctypes, errno, os, socket
        libc = ctypes.CDLL(None, use_errno=True)

        def attempt(label, action):
            try:
                action()
                print(label, "ok")
            except OSError as error:
                print(label, errno.errorcode.get(error.errno, error.errno))

        status = dict(line.split(":", 1) for line in open("/proc/self/status").read().splitlines())
        for field in ["NoNewPrivs", "Seccomp", "Seccomp_filters", "CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"]:
            print("status", field, status.get(field, "absent").strip())
        for row in open("/proc/self/limits").read().splitlines():
            print("limits", " ".join(row.split()))
        print("securebits", libc.prctl(27, 0, 0, 0, 0))           # PR_GET_SECUREBITS
        print("own process group", os.getpgrp() == os.getpid())
        print("descriptors", sorted(int(fd) for fd in os.listdir("/proc/self/fd")))
        print("working directory is HOME", os.getcwd() == os.environ["HOME"])
        for name in ["ipc", "mnt", "net", "pid", "user", "uts", "cgroup"]:
            try:
                same = os.readlink("/proc/self/ns/" + name) == os.environ["PROBE_NS_" + name]
                print("namespace", name, "shared with the supervisor" if same else "own")
            except OSError as error:
                print("namespace", name, errno.errorcode.get(error.errno, error.errno))
        print("cgroup is the supervisor's", open("/proc/self/cgroup").read() == os.environ["PROBE_CGROUP"])

        # Landlock: what may be read, listed and written.
        for path in ["/etc/hostname", "/etc/passwd", os.environ["PROBE_SECRET"]]:
            attempt("read " + path.replace(os.environ["PROBE_SECRET"], "SECRET"), lambda: open(path).read(1))
        for path in ["/", "/root", "/home", "/usr/lib", "/tmp"]:
            attempt("list " + path, lambda: os.listdir(path))
        for path in ["written-here.txt", "/tmp/proctor-probe-written.txt", "/var/tmp/proctor-probe-written.txt",
                     os.environ["PROBE_OUTSIDE"]]:
            attempt("write " + path.replace(os.environ["PROBE_OUTSIDE"], "OUTSIDE"), lambda: open(path, "w").write("x"))
        attempt("mkdir here", lambda: os.mkdir("made-here"))
        attempt("rename here", lambda: os.rename("written-here.txt", "renamed-here.txt"))
        attempt("symlink here", lambda: os.symlink("renamed-here.txt", "link-here"))
        attempt("unlink here", lambda: os.unlink("renamed-here.txt"))

        # Seccomp: the calls the filter answers with an errno instead of a violation.
        attempt("socket AF_INET", lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).close())
        attempt("socket AF_INET6", lambda: socket.socket(socket.AF_INET6, socket.SOCK_DGRAM).close())
        attempt("socket AF_UNIX", lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).close())
        attempt("socketpair AF_UNIX", lambda: [end.close() for end in socket.socketpair()])
        attempt("connect AF_UNIX", lambda: socket.socket(socket.AF_UNIX).connect("/nonexistent-proctor-socket"))
        attempt("sched_setaffinity", lambda: os.sched_setaffinity(0, {0}))
        attempt("kill self 0", lambda: os.kill(os.getpid(), 0))
        print("clone3", ctypes.get_errno() if libc.syscall(435, 0, 0) == -1 else "ok")  # answered ENOSYS
        """

    /// One-line programs that each make a syscall the filter treats as a violation (or, for execve,
    /// a call only the fork server's filter forbids), keyed by the syscall they are about.
    static let fatalCalls: [String: String] = [
        "fork": "import os\nos.fork()\nprint('forked')",
        "kill": "import os\nos.kill(1, 0)\nprint('signalled')",
        "ptrace": "import ctypes\nctypes.CDLL(None).ptrace(0, 0, 0, 0)\nprint('traced')",
        "mount": "import ctypes\nctypes.CDLL(None).mount(b'none', b'/tmp', b'tmpfs', 0, None)\nprint('mounted')",
        "unshare": "import ctypes\nctypes.CDLL(None).unshare(0x04000000)\nprint('unshared')",
        "prlimit of another process": "import resource\nresource.prlimit(1, resource.RLIMIT_NOFILE)\nprint('read')",
        "execve": "import os, sys\nos.execv(sys.executable, [sys.executable, '-c', 'print(\"exec ran\")'])",
    ]
}

@Suite("The plain path and the fork-server path confine a child identically")
struct ConfinementEquivalenceTests {
    @Test("a probe sees the same status, rlimits, capabilities, namespaces and Landlock and seccomp answers on both paths")
    func probeSeesTheSameConfinement() throws {
        let (plain, forked) = try ConfinementProbe.runBothWays(ConfinementProbe.source)
        #expect(plain.protections.forkServer == nil)
        #expect(forked.protections.forkServer == true, "the fork server was not used: \(forked.harnessMessage ?? "")")
        #expect(plain.exitCode == 0, "plain: \(String(decoding: plain.stderr, as: UTF8.self))")
        #expect(forked.exitCode == 0, "forked: \(String(decoding: forked.stderr, as: UTF8.self))")

        let plainLines = String(decoding: plain.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        let forkedLines = String(decoding: forked.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(plainLines.count > 50, "the probe stopped early: \(plainLines)")
        #expect(forkedLines == plainLines, """
            lines only the plain child printed: \(plainLines.filter { !forkedLines.contains($0) })
            lines only the forked child printed: \(forkedLines.filter { !plainLines.contains($0) })
            """)

        // The facts both must show, so that equality is not two equally unconfined children.
        for line in ["status NoNewPrivs 1", "status Seccomp 2", "status Seccomp_filters \(ConfinementProbe.supervisorFilterCount + 1)",
                     "status CapEff 0000000000000000",
                     "status CapBnd 0000000000000000", "own process group True", "descriptors [0, 1, 2, 3]",
                     "read SECRET EACCES", "write OUTSIDE EACCES", "write written-here.txt ok",
                     "socket AF_INET EACCES", "connect AF_UNIX EACCES", "cgroup is the supervisor's False"] {
            #expect(plainLines.contains(line), "the plain child did not print \"\(line)\"")
        }
        #expect(plainLines.contains { $0.hasPrefix("limits Max cpu time 6 7 seconds") }, "\(plainLines.filter { $0.hasPrefix("limits") })")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/proctor-probe-written.txt"))
        #expect(!FileManager.default.fileExists(atPath: HostileEnvironment.outsideFile))
    }

    @Test("a forbidden syscall is the same violation on both paths; execve alone differs, by design",
          arguments: ConfinementProbe.fatalCalls.keys.sorted())
    func forbiddenCallsEndTheSameWay(call: String) throws {
        let (plain, forked) = try ConfinementProbe.runBothWays(ConfinementProbe.fatalCalls[call]!)
        #expect(forked.protections.forkServer == true, "the fork server was not used: \(forked.harnessMessage ?? "")")
        if call == "execve" {
            // The plain child reached its program through execve and may exec the interpreter
            // again; the forked child never needs execve, so its filter leaves it out.
            #expect(plain.status == .ok)
            #expect(String(decoding: plain.stdout, as: UTF8.self) == "exec ran\n")
            #expect(forked.status == .violation)
            #expect(forked.violation == nil || forked.violation?.name == "execve")
            return
        }
        #expect(plain.status == .violation, "plain: \(plain.status.rawValue), \(String(decoding: plain.stdout, as: UTF8.self))")
        #expect(forked.status == plain.status, "forked: \(forked.status.rawValue), plain: \(plain.status.rawValue)")
        #expect(forked.violation == plain.violation)
        #expect(plain.stdout.isEmpty && forked.stdout.isEmpty)
    }
}
