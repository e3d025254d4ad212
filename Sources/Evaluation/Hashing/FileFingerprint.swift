import Foundation

/// SHA-256 of model and adapter files for a run's manifest, remembered per path, size and
/// modification time in a small cache file so that a 100 MB model is hashed once, not every run.
public struct FileFingerprint: Sendable {
    /// Where the cache lives: `$PROCTOR_CACHE_DIR`, else `$XDG_CACHE_HOME/proctor`, else `~/.cache/proctor`.
    public let cachePath: String

    public init(cacheDirectory: String? = nil) {
        let environment = ProcessInfo.processInfo.environment
        let directory = cacheDirectory ?? environment["PROCTOR_CACHE_DIR"]
            ?? ((environment["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")) + "/proctor")
        cachePath = directory + "/file-sha256.json"
    }

    /// One remembered digest.
    struct Entry: Codable {
        var size: Int
        /// Modification time, nanoseconds since 1970.
        var modified: Int64
        var sha256: String
    }

    /// The SHA-256 of a file, or of a folder (a Hugging Face checkpoint) as the digest of
    /// "relative path NUL file digest LF" over its regular files in path order.
    public func sha256(of path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EvaluationError("no such file or folder", file: path)
        }
        guard isDirectory.boolValue else { return try cachedFileDigest(path) }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw EvaluationError("cannot list the folder", file: path)
        }
        var listing: [String] = []
        for case let relative as String in enumerator {
            var childIsDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + relative, isDirectory: &childIsDirectory),
               !childIsDirectory.boolValue { listing.append(relative) }
        }
        var hasher = SHA256()
        for relative in listing.sorted() {
            hasher.update(Array(relative.utf8) + [0] + Array(try cachedFileDigest(path + "/" + relative).utf8) + [0x0A])
        }
        return hasher.finalizeHex()
    }

    private func cachedFileDigest(_ path: String) throws -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let attributes = try FileManager.default.attributesOfItem(atPath: absolute)
        let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
        let modified = Int64((((attributes[.modificationDate] as? Date) ?? .distantPast).timeIntervalSince1970 * 1e9).rounded())
        var cache = readCache()
        if let entry = cache[absolute], entry.size == size, entry.modified == modified { return entry.sha256 }
        let digest = try Self.digest(ofFile: absolute)
        cache[absolute] = Entry(size: size, modified: modified, sha256: digest)
        writeCache(cache)
        return digest
    }

    /// Streams a file through SHA-256 in 4 MiB reads.
    public static func digest(ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw EvaluationError("cannot open for reading", file: path)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk = try handle.read(upToCount: 4 << 20) ?? Data()  // bytes
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalizeHex()
    }

    private func readCache() -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: cachePath),
              let cache = try? JSONDecoder().decode([String: Entry].self, from: data) else { return [:] }
        return cache
    }

    /// Best effort: a cache that cannot be written only costs a re-hash next time.
    private func writeCache(_ cache: [String: Entry]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(cache) else { return }
        try? FileManager.default.createDirectory(atPath: (cachePath as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: cachePath), options: .atomic)
    }
}
