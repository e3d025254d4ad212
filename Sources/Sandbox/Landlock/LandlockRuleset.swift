import CSandbox

#if canImport(Glibc)
import Glibc
#endif

/// A Landlock ruleset for one run, built in the parent and applied by the child before exec.
struct LandlockRuleset {
    /// The ruleset descriptor (close-on-exec).
    let fd: Int32

    /// Access rights, as the kernel numbers them.
    enum Access {
        static let execute: UInt64 = 1 << 0
        static let writeFile: UInt64 = 1 << 1
        static let readFile: UInt64 = 1 << 2
        static let readDirectory: UInt64 = 1 << 3
        static let removeDirectory: UInt64 = 1 << 4
        static let removeFile: UInt64 = 1 << 5
        static let makeCharacterDevice: UInt64 = 1 << 6
        static let makeDirectory: UInt64 = 1 << 7
        static let makeRegular: UInt64 = 1 << 8
        static let makeSocket: UInt64 = 1 << 9
        static let makeFifo: UInt64 = 1 << 10
        static let makeBlockDevice: UInt64 = 1 << 11
        static let makeSymlink: UInt64 = 1 << 12
        static let refer: UInt64 = 1 << 13  // ABI 2
        static let truncate: UInt64 = 1 << 14  // ABI 3
        static let ioctlDevice: UInt64 = 1 << 15  // ABI 5

        static let read = readFile | readDirectory
        static let readWrite = read | writeFile | removeDirectory | removeFile | makeDirectory | makeRegular
            | makeSymlink | makeFifo | refer | truncate
    }

    /// Every file-system right the kernel of a given ABI knows.
    static func handledFileSystemAccess(abi: Int) -> UInt64 {
        var rights: UInt64 = (1 << 13) - 1
        if abi >= 2 { rights |= Access.refer }
        if abi >= 3 { rights |= Access.truncate }
        if abi >= 5 { rights |= Access.ioctlDevice }
        return rights
    }

    /// The running kernel's Landlock ABI, or nil when Landlock is absent or disabled.
    static let kernelABI: Int? = {
        let abi = csb_landlock_abi()
        return abi > 0 ? Int(abi) : nil
    }()

    /// Builds the ruleset: read-only paths, executable files, and read-write directories.
    /// Paths that do not exist on this machine are skipped.
    init(abi: Int, readable: [String], executable: [String], writable: [String]) throws {
        let handled = Self.handledFileSystemAccess(abi: abi)
        // ABI 4: TCP bind and connect, both denied (no rule grants them).
        let handledNetwork: UInt64 = abi >= 4 ? 0b11 : 0
        // ABI 6: no abstract unix sockets or signals to processes outside the sandbox.
        let scoped: UInt64 = abi >= 6 ? 0b11 : 0
        let attributeSize = abi >= 6 ? 24 : (abi >= 4 ? 16 : 8)
        var fd: Int32 = -1
        let created = csb_landlock_create_ruleset(handled, handledNetwork, scoped, attributeSize, &fd)
        if created != 0 { throw SandboxError("creating the Landlock ruleset", errno: created) }
        self.fd = fd
        do {
            for path in readable { try allow(path, Access.read & handled) }
            for path in executable { try allow(path, (Access.read | Access.execute) & handled) }
            for path in writable { try allow(path, Access.readWrite & handled) }
        } catch {
            Syscalls.close(fd)
            throw error
        }
    }

    private func allow(_ path: String, _ access: UInt64) throws {
        let result = csb_landlock_allow_path(fd, path, access)
        if result != 0 && result != ENOENT {
            throw SandboxError("adding a Landlock rule", errno: result, path: path)
        }
    }

    func close() {
        Syscalls.close(fd)
    }
}
