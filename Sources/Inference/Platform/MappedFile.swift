#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory map of a whole file; the bytes stay valid while the object lives.
///
/// The only place in the module that calls `open`, `fstat`, `mmap`, `madvise` and `munmap`.
final class MappedFile: @unchecked Sendable {
    let path: String
    /// The first byte of the mapping; `nil` only for an empty file.
    let base: UnsafeRawPointer?
    /// The file's size.  // bytes
    let byteCount: Int

    init(path: String) throws {
        self.path = path
        let descriptor = Self.retryingEINTR { open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw InferenceError.cannotOpen(path: path, errno: errno) }
        defer { close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InferenceError.cannotOpen(path: path, errno: errno) }
        byteCount = Int(status.st_size)
        if byteCount == 0 {
            base = nil
            return
        }
        let mapping = mmap(nil, byteCount, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let mapping, mapping != MAP_FAILED else { throw InferenceError.cannotOpen(path: path, errno: errno) }
        base = UnsafeRawPointer(mapping)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), byteCount) }
    }

    /// The mapped bytes.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: byteCount) }

    /// Hands the whole pages inside `range` (part of the mapping) back to the kernel: they leave
    /// the resident set, and a later read maps them from the file again, unchanged.
    func releasePages(_ range: UnsafeRawBufferPointer) {
        guard let start = range.baseAddress, range.count > 0 else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: start) + page - 1) / page * page
        let end = (Int(bitPattern: start) + range.count) / page * page
        guard end > first else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: first), end - first, MADV_DONTNEED)
    }

    private static func retryingEINTR(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}
