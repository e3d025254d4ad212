import CSandbox

#if canImport(Glibc)
import Glibc
#endif

/// Watches one running program: drains its output under caps, enforces CPU and wall time,
/// and takes seccomp notifications, until the program has exited and its pipes are drained.
struct RunMonitor {
    enum KillReason { case cpu, wall, output, violation }

    let pid: pid_t
    let pidfd: Int32
    let listenerFD: Int32
    let stdoutFD: Int32
    let stderrFD: Int32
    let limits: ResourceLimits
    let started: UInt64

    private(set) var stdout: [UInt8] = []
    private(set) var stderr: [UInt8] = []
    private(set) var stdoutTotal = 0
    private(set) var stderrTotal = 0
    private(set) var killReason: KillReason?
    private(set) var violation: Violation?

    init(pid: pid_t, pidfd: Int32, listenerFD: Int32, stdoutFD: Int32, stderrFD: Int32, limits: ResourceLimits,
         started: UInt64) {
        self.pid = pid
        self.pidfd = pidfd
        self.listenerFD = listenerFD
        self.stdoutFD = stdoutFD
        self.stderrFD = stderrFD
        self.limits = limits
        self.started = started
    }

    /// Returns when the program has exited (or been killed) and both pipes have closed.
    mutating func watch() {
        let cpuLimitNanoseconds = UInt64(limits.cpuTimeSeconds * 1e9)
        let wallLimitNanoseconds = UInt64(limits.effectiveWallTimeSeconds * 1e9)
        // [stdout, stderr, pidfd, listener]; a negative fd is skipped by poll.
        var watched = [
            pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: listenerFD, events: Int16(POLLIN), revents: 0),
        ]
        var exited = false
        var drainDeadline: UInt64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)

        while true {
            let now = Syscalls.monotonicNanoseconds()
            var timeoutMilliseconds: Int32 = 0
            if exited {
                // Pipes still open after exit: only a leaked descriptor could hold them; wait briefly.
                if now >= drainDeadline { break }
                timeoutMilliseconds = Int32((drainDeadline - now) / 1_000_000) + 1
            } else {
                let wallUsed = now - started
                var cpuUsed: UInt64 = 0
                _ = csb_process_cpu_time(pid, &cpuUsed)
                if killReason == nil && cpuUsed > cpuLimitNanoseconds { kill(.cpu) }
                if killReason == nil && wallUsed > wallLimitNanoseconds { kill(.wall) }
                // CPU time grows at most as fast as the cores allow; sleep until it could reach the limit.
                let cpuLeft = cpuLimitNanoseconds > cpuUsed ? (cpuLimitNanoseconds - cpuUsed) / 2 : 0
                let wallLeft = wallLimitNanoseconds > wallUsed ? wallLimitNanoseconds - wallUsed : 0
                let sleep = min(max(cpuLeft, 5_000_000), max(wallLeft, 1_000_000), 500_000_000)
                timeoutMilliseconds = Int32(sleep / 1_000_000)
            }
            let ready = poll(&watched, nfds_t(watched.count), timeoutMilliseconds)
            if ready < 0 && errno != EINTR { break }
            if ready <= 0 { continue }

            if watched[0].revents != 0 && !drain(stdoutFD, into: &buffer, isStdout: true) { watched[0].fd = -1 }
            if watched[1].revents != 0 && !drain(stderrFD, into: &buffer, isStdout: false) { watched[1].fd = -1 }
            if watched[3].revents & Int16(POLLIN) != 0 {
                takeNotification()
            } else if watched[3].revents != 0 {
                watched[3].fd = -1  // every user of the filter is gone
            }
            if watched[2].revents != 0 && !exited {
                exited = true
                watched[2].fd = -1
                watched[3].fd = -1
                drainDeadline = Syscalls.monotonicNanoseconds() + 200_000_000
            }
            if exited && watched[0].fd < 0 && watched[1].fd < 0 { break }
        }
    }

    /// Reads what is available; false at end of file (or when output stops being read).
    private mutating func drain(_ fd: Int32, into buffer: inout [UInt8], isStdout: Bool) -> Bool {
        while true {
            let count: Int?
            do {
                count = try buffer.withUnsafeMutableBytes { try Syscalls.read(fd, into: $0) }
            } catch {
                return false
            }
            guard let count else { return true }  // nothing more for now
            if count == 0 { return false }
            if isStdout {
                stdoutTotal += count
                let room = max(0, limits.outputBytes - stdout.count)
                stdout.append(contentsOf: buffer[0..<min(count, room)])
                if stdoutTotal > limits.outputBytes && killReason == nil { kill(.output) }
            } else {
                stderrTotal += count
                let room = max(0, limits.stderrKeptBytes - stderr.count)
                stderr.append(contentsOf: buffer[0..<min(count, room)])
                if stderrTotal > limits.outputBytes && killReason == nil { kill(.output) }
            }
        }
    }

    private mutating func takeNotification() {
        var id: UInt64 = 0
        var number: Int32 = 0
        guard csb_seccomp_notification_receive(listenerFD, &id, &number) == 0 else { return }
        if violation == nil {
            violation = Violation(syscall: number, name: SyscallFilter.name(ofSyscall: number))
        }
        kill(.violation)
        _ = csb_seccomp_notification_deny(listenerFD, id, EPERM)
    }

    private mutating func kill(_ reason: KillReason) {
        if killReason == nil { killReason = reason }
        Syscalls.killGroup(pid)
    }
}
