import Foundation
import Testing
import TestSupport

@Suite("proctor exec")
struct ExecCommandTests {
    @Test("reports the result and the active protections as JSON")
    func jsonReport() throws {
        let output = try ProctorBinary.run(["exec", "--json", "--", "python3", "-c", "print(1)"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "ok")
        #expect(object["exit_code"] as? Int == 0)
        #expect(object["stdout_bytes"] as? Int == 2)
        for key in ["signal", "cpu_time_s", "wall_time_s", "peak_rss_bytes", "stderr_bytes"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["signal"] is NSNull)
        let protections = try #require(object["protections"] as? [String: Any])
        #expect(protections["seccomp"] as? Bool == true)
        #expect(protections["rlimits"] as? Bool == true)
        #expect(protections["landlock"] is Bool)
        #expect(protections["namespaces"] is [String])
    }

    @Test("exits 0 whatever the program did, and saves its stdout")
    func exitStatusAndStdoutFile() throws {
        let directory = NSTemporaryDirectory() + "proctor-exec-test-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "3 4\n".write(toFile: directory + "/in.txt", atomically: true, encoding: .utf8)
        try "a, b = map(int, input().split())\nprint(a * b)\nraise SystemExit(7)\n"
            .write(toFile: directory + "/sol.py", atomically: true, encoding: .utf8)
        let output = try ProctorBinary.run(
            ["exec", "--time-limit", "2", "--memory-limit", "256", "--stdin", "in.txt", "--stdout", "out.txt", "--",
             "python3", "sol.py"], in: directory)
        #expect(output.status == 0)
        #expect(output.stderr.contains("nonzero_exit"))
        #expect(output.stderr.contains("exit 7"))
        #expect(try String(contentsOfFile: directory + "/out.txt", encoding: .utf8) == "12\n")
    }

    @Test("names a violation's syscall")
    func violationNamesSyscall() throws {
        let output = try ProctorBinary.run(["exec", "--json", "--", "python3", "-c", "import os; os.fork()"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "violation")
        let violation = try #require(object["violation"] as? [String: Any])
        #expect(violation["name"] as? String == "clone")
    }
}

@Suite("proctor doctor")
struct DoctorCommandTests {
    @Test("reports the kernel's support and a probe run with the protections in force")
    func doctorJSON() throws {
        let output = try ProctorBinary.run(["doctor", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let support = try #require(object["support"] as? [String: Any])
        #expect(support["seccomp"] as? Bool == true)
        let probe = try #require(object["probe"] as? [String: Any])
        #expect(probe["status"] as? String == "ok")
        let protections = try #require(probe["protections"] as? [String: Any])
        #expect(protections["seccomp"] as? Bool == true)
        #expect(protections["landlock"] as? Bool == (support["landlockABI"] != nil))
        // Every compiled language's toolchain: its compiler's path, or how to install it.
        let toolchains = try #require(object["toolchains"] as? [String: String])
        #expect(Set(toolchains.keys) == ["c", "cpp17", "cpp20", "java", "go", "rust", "javascript"])
        #expect(toolchains.values.allSatisfy { $0.hasPrefix("/") || $0.hasPrefix("missing: apt-get install ") })
    }

    @Test("lists each language's toolchain with its version line (scripts/test.sh installs them)")
    func doctorListsToolchains() throws {
        let output = try ProctorBinary.run(["doctor"])
        let lines = output.stdout.split(separator: "\n")
        for id in ["c", "cpp17", "java", "go", "rust", "javascript"] {
            let line = try #require(lines.first { $0.hasPrefix(id + ":") }, "no line for \(id): \(output.stdout)")
            #expect(line.contains(" (") && !line.contains("missing"), "\(line)")
        }
    }

    @Test("says that fork servers can start: the build puts the shared shim beside the binary")
    func doctorReportsForkServers() throws {
        let output = try ProctorBinary.run(["doctor"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("fork servers:      yes"), "\(output.stdout)")
    }

    @Test("a cgroup slot left by a process that has exited is removed")
    func staleCgroupSlotsAreSwept() throws {
        let root = "/sys/fs/cgroup/memory/proctor"
        guard FileManager.default.fileExists(atPath: root) else { return }  // no v1 memory cgroup here
        var deadPID: Int32 = 4_000_000
        while kill(deadPID, 0) == 0 || errno != ESRCH { deadPID += 1 }
        let stale = "\(root)/\(deadPID)-1"
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: false)
        let output = try ProctorBinary.run(["doctor"])
        #expect(output.status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale))
    }
}
