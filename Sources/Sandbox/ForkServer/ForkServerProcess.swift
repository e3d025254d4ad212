import CSandbox
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What a fork server is asked to run: one confined child, described as raw material.
struct ForkServerLaunch {
    /// `sys.argv` for the script, the script (relative to `workDirectory`) first.
    var arguments: [String]
    var environment: [String: String]
    var workDirectory: String
    var stdinFD: Int32
    var stdoutFD: Int32
    var stderrFD: Int32
    var cgroupProcsFD: Int32
    var rulesetFD: Int32
    var rlimits: [csb_rlimit]
    var dropCapabilities: Bool
    var filter: SyscallFilter?
}

/// How a child of a fork server ended, as the server's `wait4` saw it.
struct ExitReport {
    var status: Int32
    var userMicroseconds: UInt64
    var systemMicroseconds: UInt64
    var maxRSSKiB: UInt64
}

/// Why a fork server could not run a child; the caller falls back to a fresh process.
struct ForkServerUnavailable: Error, CustomStringConvertible {
    var description: String
}

/// One running fork server (`ForkServerProgram`): a pre-started interpreter, used by one run at a time.
final class ForkServerProcess: @unchecked Sendable {
    let pid: pid_t
    /// The namespaces the server (and so every child) lives in.
    let namespaceFlags: Int32
    private var controlFD: Int32
    private let pidfd: Int32
    private let logPath: String
    private(set) var isBroken = false

    init(pid: pid_t, pidfd: Int32, controlFD: Int32, namespaceFlags: Int32, logPath: String) {
        self.pid = pid
        self.pidfd = pidfd
        self.controlFD = controlFD
        self.namespaceFlags = namespaceFlags
        self.logPath = logPath
    }

    deinit {
        stop()
    }

    /// Waits for the server's first message, sent once its modules are imported.
    func awaitReady() throws {
        let header = try receive().header
        guard header["ready"] as? Bool == true else { throw failure("the fork server did not report ready") }
    }

    /// Forks a confined child. Returns it as `csb_spawn` would, or throws `ForkServerUnavailable`
    /// when the server or the child's confinement failed before the program started.
    func launch(_ launch: ForkServerLaunch) throws -> SpawnOutcome {
        var descriptors = [launch.stdinFD, launch.stdoutFD, launch.stderrFD]
        var cgroupIndex: Int32 = -1
        var rulesetIndex: Int32 = -1
        if launch.cgroupProcsFD >= 0 {
            cgroupIndex = Int32(descriptors.count)
            descriptors.append(launch.cgroupProcsFD)
        }
        if launch.rulesetFD >= 0 {
            rulesetIndex = Int32(descriptors.count)
            descriptors.append(launch.rulesetFD)
        }
        let header: [String: Any] = [
            "argv": launch.arguments, "env": launch.environment, "cwd": launch.workDirectory,
            "listener": launch.filter?.notifiesSupervisor ?? false,
        ]
        var message = try JSONSerialization.data(withJSONObject: header)
        message.append(0)
        // The confinement itself, in the shim's own format: the child hands it to csb_confine_self_from_message.
        let confinement = try Self.encodeConfinement(launch, cgroupIndex: cgroupIndex, rulesetIndex: rulesetIndex)
        message.append(contentsOf: confinement)
        try send(Array(message), descriptors: descriptors)

        let (reply, received) = try receive()
        if let stage = reply["failed_stage"] as? Int {
            let name = UInt32(exactly: stage).flatMap(SpawnStage.init)?.description ?? "the server's own code (stage \(stage))"
            let error = Int32(reply["errno"] as? Int ?? 0)
            throw ForkServerUnavailable(description: "the fork server's child failed \(name): \(errnoDescription(error))")
        }
        guard let childPID = reply["pid"] as? Int, let childPidfd = received.first else {
            received.forEach { Syscalls.close($0) }
            throw failure("the fork server sent an unexpected reply")
        }
        return SpawnOutcome(pid: pid_t(childPID), pidfd: childPidfd, listenerFD: received.count > 1 ? received[1] : -1,
                            failedStage: 0, failedErrno: 0)
    }

    /// `launch`'s confinement as `csb_confinement_encode` writes it, with the standard streams as
    /// descriptors 0–2 of the message and the cgroup and ruleset at the given indices (-1 for none).
    static func encodeConfinement(_ launch: ForkServerLaunch, cgroupIndex: Int32, rulesetIndex: Int32) throws -> [UInt8] {
        var program = launch.filter?.instructions ?? []
        return try launch.workDirectory.withCString { directory in
            try launch.rlimits.withUnsafeBufferPointer { rlimits in
                try program.withUnsafeMutableBytes { programBytes in
                    var confinement = csb_confinement(
                        stdin_fd: 0, stdout_fd: 1, stderr_fd: 2, cgroup_procs_fd: cgroupIndex,
                        landlock_ruleset_fd: rulesetIndex, rlimits: rlimits.baseAddress,
                        rlimit_count: Int32(rlimits.count), working_directory: directory,
                        drop_capabilities: launch.dropCapabilities ? 1 : 0,
                        seccomp_program: launch.filter == nil ? nil : programBytes.baseAddress,
                        seccomp_instruction_count: launch.filter?.instructions.count ?? 0,
                        seccomp_self_pid_placeholder: SyscallFilter.selfPidPlaceholder)
                    var length = 0
                    _ = csb_confinement_encode(&confinement, nil, 0, &length)
                    var bytes = [UInt8](repeating: 0, count: length)
                    let error = bytes.withUnsafeMutableBytes {
                        csb_confinement_encode(&confinement, $0.baseAddress, $0.count, &length)
                    }
                    if error != 0 { throw SandboxError("encoding the confinement for the fork server", errno: error) }
                    return bytes
                }
            }
        }
    }

    /// Lets the server reap the child (only now, so that its pid stays reserved while it is watched).
    func reap() throws -> ExitReport {
        let reply: [String: Any]
        do {
            try send(Array(#"{"op":"reap"}"#.utf8), descriptors: [])
            reply = try receive().header
        } catch let failure as ForkServerUnavailable {
            throw SandboxError("the program ran, but \(failure.description)")  // too late to fall back
        }
        guard let status = reply["status"] as? Int, let user = reply["user_us"] as? Int,
            let system = reply["system_us"] as? Int, let rss = reply["max_rss_kib"] as? Int
        else { throw SandboxError(failure("the fork server sent an unexpected exit report").description) }
        return ExitReport(status: Int32(truncatingIfNeeded: status), userMicroseconds: UInt64(max(0, user)),
                          systemMicroseconds: UInt64(max(0, system)), maxRSSKiB: UInt64(max(0, rss)))
    }

    /// Ends the server: closing the control socket makes it exit; SIGKILL makes sure.
    func stop() {
        guard controlFD >= 0 else { return }
        Syscalls.close(controlFD)
        controlFD = -1
        isBroken = true
        _ = kill(pid, SIGKILL)
        var status: Int32 = 0
        var user: UInt64 = 0
        var system: UInt64 = 0
        var rss: UInt64 = 0
        _ = csb_wait(pid, &status, &user, &system, &rss)
        Syscalls.close(pidfd)
    }

    // MARK: - Messages

    private func send(_ bytes: [UInt8], descriptors: [Int32]) throws {
        let error = bytes.withUnsafeBytes { payload in
            descriptors.withUnsafeBufferPointer { fds in
                csb_send_message(controlFD, payload.baseAddress!, payload.count, fds.baseAddress, Int32(fds.count))
            }
        }
        if error != 0 { throw failure("sending to the fork server: \(errnoDescription(error))") }
    }

    private func receive() throws -> (header: [String: Any], descriptors: [Int32]) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var length = 0
        var fds = [Int32](repeating: -1, count: 4)
        var count: Int32 = 0
        let error = buffer.withUnsafeMutableBytes { bytes in
            csb_receive_message(controlFD, bytes.baseAddress!, bytes.count, &length, &fds, Int32(fds.count), &count)
        }
        if error != 0 { throw failure("receiving from the fork server: \(errnoDescription(error))") }
        let descriptors = Array(fds.prefix(Int(count)))
        guard let header = try? JSONSerialization.jsonObject(with: Data(buffer.prefix(length))) as? [String: Any] else {
            descriptors.forEach { Syscalls.close($0) }
            throw failure("the fork server sent something that is not a JSON object")
        }
        return (header, descriptors)
    }

    /// Marks the server unusable and describes the failure, with the end of its log.
    private func failure(_ message: String) -> ForkServerUnavailable {
        isBroken = true
        let log = (try? Syscalls.readFile(logPath)) ?? ""
        let tail = log.split(separator: "\n").suffix(3).joined(separator: " | ")
        return ForkServerUnavailable(description: tail.isEmpty ? message : "\(message) (server log: \(tail))")
    }
}
