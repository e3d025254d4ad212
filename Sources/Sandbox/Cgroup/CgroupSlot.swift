#if canImport(Glibc)
import Glibc
#endif

/// A cgroup (v1 memory controller, or v2) that one run at a time joins, reused across runs.
///
/// Before a run the peak is reset and the OOM-kill counter noted; after it, the peak and
/// whether the kernel's OOM killer fired inside the group tell the memory verdict exactly.
final class CgroupSlot: @unchecked Sendable {
    enum Version { case v1, v2 }

    let path: String
    let version: Version
    private var oomKillsBefore = 0

    private init(path: String, version: Version) {
        self.path = path
        self.version = version
    }

    /// Creates a fresh slot under Proctor's own parent group, or nil when no writable memory
    /// controller is mounted.
    static func make(name: String) -> CgroupSlot? {
        if let root = v1Root {
            let path = root + "/" + name
            if (try? Syscalls.makeDirectory(path, mode: 0o755)) != nil, Syscalls.fileExists(path + "/memory.limit_in_bytes") {
                return CgroupSlot(path: path, version: .v1)
            }
        }
        if let root = v2Root {
            let path = root + "/" + name
            if (try? Syscalls.makeDirectory(path, mode: 0o755)) != nil, Syscalls.fileExists(path + "/memory.max") {
                return CgroupSlot(path: path, version: .v2)
            }
        }
        return nil
    }

    /// Removes slots left by Proctor processes that have exited (named "<pid>-<n>" or
    /// "probe-<pid>-<n>"), so that crashed or killed runs do not leave groups behind. Once per process.
    static let removeStaleSlots: Void = {
        for root in [v1Root, v2Root].compactMap({ $0 }) {
            guard let directory = opendir(root) else { continue }
            var stale: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                let parts = name.split(separator: "-")
                let owner = parts.first == "probe" ? parts.dropFirst().first : parts.first
                guard let owner, let pid = pid_t(owner), pid != getpid() else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH { stale.append(root + "/" + name) }
            }
            closedir(directory)
            for path in stale { _ = rmdir(path) }  // fails harmlessly if a process is still inside
        }
    }()

    /// Proctor's parent group in the v1 memory hierarchy, created on first use.
    private static let v1Root: String? = {
        let base = "/sys/fs/cgroup/memory"
        guard Syscalls.fileExists(base + "/memory.limit_in_bytes") else { return nil }
        let root = base + "/proctor"
        return (try? Syscalls.makeDirectory(root, mode: 0o755)) != nil ? root : nil
    }()

    /// Proctor's parent group in a cgroup v2 hierarchy with the memory controller, created on first use.
    private static let v2Root: String? = {
        for base in ["/sys/fs/cgroup", "/sys/fs/cgroup/unified"] {
            guard let controllers = try? Syscalls.readFile(base + "/cgroup.controllers"),
                controllers.split(separator: " ").contains(where: { $0.hasPrefix("memory") })
            else { continue }
            let root = base + "/proctor"
            guard (try? Syscalls.makeDirectory(root, mode: 0o755)) != nil else { continue }
            _ = try? Syscalls.writeFile(root + "/cgroup.subtree_control", "+memory")
            return root
        }
        return nil
    }()

    /// The file a process writes "0" to in order to join.
    var procsFile: String { path + "/cgroup.procs" }

    /// Sets the limit and resets the accounting for a new run.
    func prepare(limitBytes: Int) throws {
        switch version {
        case .v1:
            try Syscalls.writeFile(path + "/memory.limit_in_bytes", String(limitBytes))
            try Syscalls.writeFile(path + "/memory.max_usage_in_bytes", "0")
            oomKillsBefore = readCounter(file: "memory.oom_control", key: "oom_kill")
        case .v2:
            try Syscalls.writeFile(path + "/memory.max", String(limitBytes))
            try? Syscalls.writeFile(path + "/memory.swap.max", "0")
            try? Syscalls.writeFile(path + "/memory.peak", "0")
            oomKillsBefore = readCounter(file: "memory.events", key: "oom_kill")
        }
    }

    /// Peak memory charged to the group during the run, bytes (page cache included).
    func peakBytes() -> Int {
        let file = version == .v1 ? "/memory.max_usage_in_bytes" : "/memory.peak"
        let text = (try? Syscalls.readFile(path + file)) ?? ""
        return Int(text.trimmingWhitespace()) ?? 0
    }

    /// Whether the kernel's OOM killer killed a task of this group during the run.
    func oomKilledSincePrepare() -> Bool {
        let key = "oom_kill"
        let file = version == .v1 ? "memory.oom_control" : "memory.events"
        return readCounter(file: file, key: key) > oomKillsBefore
    }

    /// Kills whatever is still in the group (only possible when fork was allowed: a compile
    /// step's passes) and waits, up to a second, until it is gone, so that the next run does not
    /// find its memory still charged to the group. Whether the group is empty.
    @discardableResult
    func killRemaining() -> Bool {
        for attempt in 0..<1000 {
            let pids = ((try? Syscalls.readFile(procsFile)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
            if pids.isEmpty { return true }
            if attempt % 100 == 0 { for pid in pids { _ = kill(pid, SIGKILL) } }
            usleep(1000)
        }
        return false
    }

    func destroy() {
        _ = rmdir(path)
    }

    private func readCounter(file: String, key: String) -> Int {
        guard let text = try? Syscalls.readFile(path + "/" + file) else { return 0 }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == key { return Int(parts[1]) ?? 0 }
        }
        return 0
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
