import CSandbox
import CSeccomp

#if canImport(Glibc)
import Glibc
#endif

/// The seccomp BPF program every run gets, built once in the parent with libseccomp.
///
/// Anything not listed here is a violation: the default action hands the syscall to the
/// supervisor through a user-notification listener, which records its number and kills the
/// run. Where the kernel cannot give a listener, the default action kills the process
/// (SIGSYS) instead. A few probes that well-behaved programs make are answered with an errno
/// rather than treated as a violation (opening an IP socket, connecting any socket, clone3).
public struct SyscallFilter: Sendable {
    /// The program as `struct sock_filter` instructions (8 bytes each).
    public let instructions: [UInt64]
    /// Whether unlisted syscalls go to the supervisor (true) or kill the process (false).
    public let notifiesSupervisor: Bool

    /// The constant standing for "the sandboxed process's own pid" in the program; the child
    /// replaces it with its pid between fork and exec.
    static let selfPidPlaceholder: UInt32 = 0x5EC0_0D1D

    /// Builds the filter for the native architecture. `allowExec: false` leaves execve out, for
    /// children of a fork server, which run their program without exec. `allowChildProcesses`
    /// admits fork, vfork and clone without CLONE_THREAD (never with a namespace flag), for
    /// trusted toolchains such as a compiler driver that starts its passes as processes.
    public static func build(notifySupervisor: Bool, allowExec: Bool = true,
                             allowChildProcesses: Bool = false) throws -> SyscallFilter {
        let defaultAction = notifySupervisor ? Action.notify : Action.killProcess
        guard let context = seccomp_init(defaultAction) else {
            throw SandboxError("initialising libseccomp")
        }
        defer { seccomp_release(context) }
        try check(seccomp_attr_set(context, SCMP_FLTATR_ACT_BADARCH, Action.killProcess), "setting the bad-arch action")
        // Keep the program small and in one piece; no transaction log needed.
        _ = seccomp_attr_set(context, SCMP_FLTATR_CTL_OPTIMIZE, 2)

        for name in allowed where allowExec || name != "execve" {
            try add(context, Action.allow, name)
        }
        let pidSelf = UInt64(selfPidPlaceholder)
        // Sockets: only AF_UNIX (socketpair for pipes); IP sockets fail politely.
        try add(context, Action.allow, "socket", [.equal(0, UInt64(AF_UNIX))])
        try add(context, Action.errno(EACCES), "socket", [.notEqual(0, UInt64(AF_UNIX))])
        try add(context, Action.allow, "socketpair", [.equal(0, UInt64(AF_UNIX))])
        // New threads only; libc falls back from clone3 to clone on ENOSYS.
        try add(context, Action.allow, "clone", [.maskedEqual(0, 0x0001_0000, 0x0001_0000)])  // CLONE_THREAD
        try add(context, Action.errno(ENOSYS), "clone3")
        if allowChildProcesses {
            try add(context, Action.allow, "fork")
            try add(context, Action.allow, "vfork")
            try add(context, Action.allow, "clone", [.maskedEqual(0, namespaceCloneFlags | 0x0001_0000, 0)])
            // Its children have pids of their own: signals to them (a driver stopping its passes, Go's
            // runtime preempting threads) go by number. Landlock's signal scope (ABI 6) still keeps
            // them inside the run.
            try add(context, Action.allow, "kill")
            try add(context, Action.allow, "tgkill")
        }
        // io_uring (libuv in Node.js probes it) and memory protection keys (V8 asks for one) answer
        // "not here", and the caller goes on without them.
        for name in ["io_uring_setup", "io_uring_enter", "io_uring_register", "pkey_alloc"] {
            try add(context, Action.errno(ENOSYS), name)
        }
        // Signals only to itself or its own process group.
        if !allowChildProcesses {
            try add(context, Action.allow, "kill", [.equal(0, pidSelf)])
            try add(context, Action.allow, "kill", [.equal(0, 0)])
            try add(context, Action.allow, "tgkill", [.equal(0, pidSelf)])
        }
        // Resource limits: its own only.
        try add(context, Action.allow, "prlimit64", [.equal(0, 0)])
        try add(context, Action.allow, "prlimit64", [.equal(0, pidSelf)])
        try add(context, Action.errno(EPERM), "sched_setaffinity")
        // Reaching out over a socket (the C library's resolver and NSS try nscd's unix socket)
        // fails politely: connect, bind, listen and accept never succeed.
        for name in ["connect", "bind", "listen", "accept", "accept4"] {
            try add(context, Action.errno(EACCES), name)
        }

        var fd: Int32 = -1
        let created = csb_memory_file(nil, 0, &fd)
        if created != 0 { throw SandboxError("creating a memory file for the BPF program", errno: created) }
        defer { close(fd) }
        try check(seccomp_export_bpf(context, fd), "exporting the BPF program")
        let size = Int(lseek(fd, 0, SEEK_END))
        guard size > 0, size % 8 == 0 else { throw SandboxError("exporting the BPF program: size \(size)") }
        var instructions = [UInt64](repeating: 0, count: size / 8)
        let read = instructions.withUnsafeMutableBytes { pread(fd, $0.baseAddress, size, 0) }
        guard read == size else { throw SandboxError("reading the BPF program back", errno: errno) }
        return SyscallFilter(instructions: instructions, notifiesSupervisor: notifySupervisor)
    }

    /// CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET: a child process never gets a namespace of its own.
    static let namespaceCloneFlags: UInt64 = 0x0002_0000 | 0x0200_0000 | 0x0400_0000 | 0x0800_0000 | 0x1000_0000
        | 0x2000_0000 | 0x4000_0000

    /// The name of a syscall number on this architecture, e.g. 41 → "socket".
    public static func name(ofSyscall number: Int32) -> String? {
        guard let name = seccomp_syscall_resolve_num_arch(UInt32(SCMP_ARCH_NATIVE), number) else { return nil }
        defer { free(name) }
        return String(cString: name)
    }

    /// Syscalls allowed without conditions (documented in sandbox/allowed-syscalls.txt).
    public static var allowedSyscalls: [String] { allowed }

    /// Syscalls CPython, numpy with OpenBLAS, and compiled programs need, allowed without conditions.
    static let allowed: [String] = [
        // I/O on descriptors it has or opens (Landlock decides which paths open).
        "read", "write", "readv", "writev", "pread64", "pwrite64", "preadv", "pwritev", "preadv2", "pwritev2",
        "lseek", "open", "openat", "openat2", "close", "close_range", "dup", "dup2", "dup3", "fcntl", "ioctl",
        "pipe", "pipe2", "fsync", "fdatasync", "flock", "ftruncate", "truncate", "fallocate", "fadvise64",
        "sendfile", "copy_file_range", "splice", "tee", "memfd_create",
        // Metadata and directories.
        "stat", "fstat", "lstat", "newfstatat", "statx", "statfs", "fstatfs", "access", "faccessat", "faccessat2",
        "getdents", "getdents64", "getcwd", "chdir", "fchdir", "readlink", "readlinkat", "mkdir", "mkdirat",
        "rmdir", "unlink", "unlinkat", "rename", "renameat", "renameat2", "link", "linkat", "symlink",
        "symlinkat", "chmod", "fchmod", "fchmodat", "umask", "utime", "utimes", "utimensat", "futimesat",
        // Waiting.
        "poll", "ppoll", "select", "pselect6", "epoll_create", "epoll_create1", "epoll_ctl", "epoll_wait",
        "epoll_pwait", "epoll_pwait2", "eventfd", "eventfd2", "timerfd_create", "timerfd_settime",
        "timerfd_gettime", "futex", "futex_waitv", "nanosleep", "clock_nanosleep", "sched_yield", "pause",
        // Memory.
        "brk", "mmap", "munmap", "mremap", "mprotect", "madvise", "msync", "mincore", "get_mempolicy", "set_mempolicy",
        "mbind",
        // Signals delivered to itself.
        "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "rt_sigpending", "rt_sigsuspend", "rt_sigtimedwait",
        "sigaltstack", "alarm", "setitimer", "getitimer", "timer_create", "timer_settime", "timer_gettime",
        "timer_getoverrun", "timer_delete", "signalfd", "signalfd4", "restart_syscall",
        // Threads and process state.
        "set_tid_address", "set_robust_list", "get_robust_list", "rseq", "arch_prctl", "prctl", "membarrier",
        "exit", "exit_group", "wait4", "waitid", "execve",
        // Facts about itself and the machine.
        "getpid", "getppid", "gettid", "getuid", "geteuid", "getgid", "getegid", "getgroups", "getresuid",
        "getresgid", "capget", "getpgrp", "getpgid", "getsid", "getrlimit", "setrlimit", "getrusage", "times", "sysinfo",
        "uname", "getcpu", "getrandom", "clock_gettime", "clock_getres", "gettimeofday", "time",
        "sched_getaffinity", "sched_getparam", "sched_getscheduler", "sched_get_priority_max",
        "sched_get_priority_min", "getpriority", "setpriority",
        // Talking over the socketpairs it made (connect, bind, listen and accept are not here).
        "sendto", "recvfrom", "sendmsg", "recvmsg", "sendmmsg", "recvmmsg", "shutdown", "getsockopt",
        "setsockopt", "getsockname", "getpeername",
    ]

    // MARK: - libseccomp plumbing

    enum Action {
        static let allow: UInt32 = 0x7FFF_0000
        static let killProcess: UInt32 = 0x8000_0000
        static let notify: UInt32 = 0x7FC0_0000
        static func errno(_ code: Int32) -> UInt32 { 0x0005_0000 | (UInt32(code) & 0xFFFF) }
    }

    enum Condition {
        case equal(UInt32, UInt64)
        case notEqual(UInt32, UInt64)
        case maskedEqual(UInt32, UInt64, UInt64)

        var comparison: scmp_arg_cmp {
            switch self {
            case .equal(let arg, let value): return scmp_arg_cmp(arg: arg, op: SCMP_CMP_EQ, datum_a: value, datum_b: 0)
            case .notEqual(let arg, let value): return scmp_arg_cmp(arg: arg, op: SCMP_CMP_NE, datum_a: value, datum_b: 0)
            case .maskedEqual(let arg, let mask, let value):
                return scmp_arg_cmp(arg: arg, op: SCMP_CMP_MASKED_EQ, datum_a: mask, datum_b: value)
            }
        }
    }

    private static func add(_ context: scmp_filter_ctx, _ action: UInt32, _ name: String, _ conditions: [Condition] = []) throws {
        let number = seccomp_syscall_resolve_name(name)
        if number == __NR_SCMP_ERROR { return }  // not a syscall on this architecture
        let comparisons = conditions.map(\.comparison)
        let result = comparisons.withUnsafeBufferPointer {
            seccomp_rule_add_array(context, action, number, UInt32($0.count), $0.baseAddress)
        }
        try check(result, "adding the rule for \(name)")
    }

    private static func check(_ result: Int32, _ operation: String) throws {
        if result < 0 { throw SandboxError(operation, errno: -result) }
    }
}
