import CSandbox

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The text of an errno, e.g. "No such file or directory (ENOENT 2)".
func errnoDescription(_ code: Int32) -> String {
    String(cString: strerror(code)) + " (errno \(code))"
}

/// Runs a syscall wrapper that returns -1 on failure, retrying EINTR, and throws on failure.
@discardableResult
func retryingEINTR<T: FixedWidthInteger>(_ operation: String, path: String? = nil, _ body: () -> T) throws -> T {
    while true {
        let result = body()
        if result != -1 { return result }
        let code = errno
        if code == EINTR { continue }
        throw SandboxError(operation, errno: code, path: path)
    }
}

/// Thin, typed wrappers over the few syscalls the supervisor makes.
enum Syscalls {
    static func pipe() throws -> (read: Int32, write: Int32) {
        var readFD: Int32 = -1
        var writeFD: Int32 = -1
        let error = csb_pipe(&readFD, &writeFD)
        if error != 0 { throw SandboxError("creating a pipe", errno: error) }
        return (readFD, writeFD)
    }

    static func setNonBlocking(_ fd: Int32) throws {
        let flags = try retryingEINTR("reading descriptor flags") { fcntl(fd, F_GETFL) }
        try retryingEINTR("setting O_NONBLOCK") { fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
    }

    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o600) throws -> Int32 {
        try retryingEINTR("opening a file", path: path) { Glibc.open(path, flags | O_CLOEXEC, mode) }
    }

    static func close(_ fd: Int32) {
        if fd >= 0 { _ = Glibc.close(fd) }
    }

    /// Reads once into `buffer`; nil on EAGAIN, 0 at end of file.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws -> Int? {
        while true {
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return nil }
            throw SandboxError("reading the program's output", errno: errno)
        }
    }

    /// Writes `text` to an existing control file (a cgroup's or /proc's) in one write(2), as
    /// those files take a value: a short or failed write is an error, never retried in parts.
    static func writeFile(_ path: String, _ text: String) throws {
        let fd = try open(path, O_WRONLY | O_TRUNC)
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if written != bytes.count {
            throw SandboxError(written < 0 ? "writing" : "writing (\(written) of \(bytes.count) bytes taken)",
                               errno: written < 0 ? errno : nil, path: path)
        }
    }

    /// Reads a small text file whole (cgroup and proc files).
    static func readFile(_ path: String) throws -> String {
        let fd = try open(path, O_RDONLY)
        defer { close(fd) }
        var result = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SandboxError("reading", errno: errno, path: path)
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// Kills the process group and the process itself with SIGKILL (stopped processes included).
    static func killGroup(_ pid: pid_t) {
        _ = kill(-pid, SIGKILL)
        _ = kill(pid, SIGKILL)
    }

    static func fileExists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func makeDirectory(_ path: String, mode: mode_t = 0o700) throws {
        if mkdir(path, mode) != 0 && errno != EEXIST {
            throw SandboxError("creating a directory", errno: errno, path: path)
        }
    }

    /// Removes a directory tree without following symbolic links.
    static func removeTree(_ path: String) {
        guard let directory = opendir(path) else {
            _ = unlink(path)
            return
        }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            var info = stat()
            if lstat(child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                removeTree(child)
            } else {
                _ = unlink(child)
            }
        }
        closedir(directory)
        _ = rmdir(path)
    }
}
