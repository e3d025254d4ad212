import CSandbox

#if canImport(Glibc)
import Glibc
#endif

/// What the running kernel offers the sandbox. Detected once per process.
public struct HostSupport: Sendable, Codable {
    /// The Landlock ABI, nil when Landlock is absent or disabled.
    public var landlockABI: Int?
    /// Whether seccomp filters can be installed.
    public var seccomp: Bool
    /// Whether the kernel can hand violations to the supervisor (SECCOMP_FILTER_FLAG_NEW_LISTENER).
    public var seccompNotify: Bool
    /// Whether a memory cgroup can be created for runs.
    public var cgroup: Bool
    /// Whether a cgroup2 mount has `favordynmods`, which makes joining a cgroup cheap
    /// (without it each run waits about one RCU grace period, ~10 ms).
    public var cgroupFastMigration: Bool
    /// The kernel release, e.g. "6.18.44".
    public var kernelRelease: String

    static func detect() -> HostSupport {
        let seccomp = csb_seccomp_available() == 1
        let cgroup: Bool
        CgroupSlot.removeStaleSlots
        if let probe = CgroupSlot.make(name: "probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))") {
            probe.destroy()
            cgroup = true
        } else {
            cgroup = false
        }
        // Kernels since 5.0 have the listener; those without it refuse the flag, and the spawn then
        // reports a seccomp failure, so ask the kernel's version instead of guessing.
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: name.release) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        let parts = release.split(separator: ".").compactMap { Int($0.prefix(while: \.isNumber)) }
        let notify = seccomp && parts.count >= 2 && (parts[0], parts[1]) >= (5, 0)
        let mounts = (try? Syscalls.readFile("/proc/mounts")) ?? ""
        let fastMigration = mounts.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ")
            return fields.count > 3 && fields[2] == "cgroup2" && fields[3].split(separator: ",").contains("favordynmods")
        }
        return HostSupport(landlockABI: LandlockRuleset.kernelABI, seccomp: seccomp, seccompNotify: notify,
                           cgroup: cgroup, cgroupFastMigration: fastMigration, kernelRelease: release)
    }

    /// Device files every run may read (and /dev/null, which it may also write).
    static let readableDevices = ["/dev/zero", "/dev/urandom", "/dev/random"]

    /// System directories holding shared libraries and the few files the C library reads at start.
    public static let systemLibraryPaths = [
        "/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib", "/etc/ld.so.cache", "/etc/localtime",
        "/usr/share/zoneinfo", "/sys/devices/system/cpu",
    ]
}
