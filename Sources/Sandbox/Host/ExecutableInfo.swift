#if canImport(Glibc)
import Glibc
#endif

/// Facts about an executable file the sandbox needs: its real path and its ELF interpreter.
public enum ExecutableInfo {
    /// The dynamic loader named in an ELF file's PT_INTERP header, or nil (static, script, unreadable).
    public static func elfInterpreter(of path: String) -> String? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
        defer { Glibc.close(fd) }
        var header = [UInt8](repeating: 0, count: 64)
        guard pread(fd, &header, 64, 0) == 64, header[0] == 0x7F, header[1] == 0x45, header[2] == 0x4C,
            header[3] == 0x46, header[4] == 2  // ELFCLASS64
        else { return nil }
        let programHeaderOffset = Int(readLittleEndian(header, at: 32, bytes: 8))
        let entrySize = Int(readLittleEndian(header, at: 54, bytes: 2))
        let entryCount = Int(readLittleEndian(header, at: 56, bytes: 2))
        guard entrySize >= 56, entryCount < 256 else { return nil }
        var entry = [UInt8](repeating: 0, count: entrySize)
        for index in 0..<entryCount {
            guard pread(fd, &entry, entrySize, off_t(programHeaderOffset + index * entrySize)) == entrySize else { return nil }
            guard readLittleEndian(entry, at: 0, bytes: 4) == 3 else { continue }  // PT_INTERP
            let offset = Int(readLittleEndian(entry, at: 8, bytes: 8))
            let size = Int(readLittleEndian(entry, at: 32, bytes: 8))
            guard size > 1, size < 4096 else { return nil }
            var name = [UInt8](repeating: 0, count: size)
            guard pread(fd, &name, size, off_t(offset)) == size else { return nil }
            return String(decoding: name.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        return nil
    }

    private static func readLittleEndian(_ bytes: [UInt8], at offset: Int, bytes count: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in (0..<count).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        return value
    }

    /// Finds `name` on PATH (or takes it as a path) and resolves links.
    public static func resolve(_ name: String, searchPath: String?) -> String? {
        if name.contains("/") { return Syscalls.realPath(name) }
        for directory in (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return Syscalls.realPath(candidate) }
        }
        return nil
    }

    /// Whether the file starts with "#!" (a script, such as pyenv's shims).
    static func isScript(_ path: String) -> Bool {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return false }
        defer { Glibc.close(fd) }
        var magic: [UInt8] = [0, 0]
        return pread(fd, &magic, 2, 0) == 2 && magic == [0x23, 0x21]
    }
}
