import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A results JSONL file written one record at a time, each flushed to disk before the next,
/// so a crash loses at most the samples being judged at that moment.
public final class ResultFile: @unchecked Sendable {
    public let path: String
    private let fd: Int32
    private let lock = NSLock()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Opens `path` for appending. With `resume`, the records already there are kept (a partial
    /// last line, left by a crash mid-write, is cut off); without it the file is started anew.
    public init(path: String, resume: Bool) throws {
        self.path = path
        if resume, FileManager.default.fileExists(atPath: path) {
            try ResultFile.cutPartialLastLine(path)
        }
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (resume ? O_APPEND : (O_TRUNC | O_APPEND))
        fd = open(path, flags, 0o644)
        if fd < 0 { throw JudgeError("cannot open for writing: \(String(cString: strerror(errno)))", file: path) }
    }

    deinit { close(fd) }

    /// Appends one record and waits until it is on disk.
    public func append(_ record: ResultRecord) throws {
        // Workers append concurrently; the shared encoder is used under the lock too.
        try lock.withLock {
            var line = try encoder.encode(record)
            line.append(0x0A)
            let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written != line.count { throw JudgeError("write failed: \(String(cString: strerror(errno)))", file: path) }
            if fsync(fd) != 0 { throw JudgeError("fsync failed: \(String(cString: strerror(errno)))", file: path) }
        }
    }

    /// Reads the complete records of a results file (blank lines skipped, a malformed line is an error).
    public static func read(_ path: String) throws -> [ResultRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JudgeError("cannot read the results file", file: path)
        }
        let decoder = JSONDecoder()
        var records: [ResultRecord] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty { continue }
            do {
                records.append(try decoder.decode(ResultRecord.self, from: Data(line)))
            } catch {
                throw JudgeError("not a result record: \(error)", file: path, line: lineNumber)
            }
        }
        return records
    }

    /// Truncates a JSONL file after its last newline: a line cut short by a crash is dropped.
    public static func cutPartialLastLine(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let last = data.last, last != 0x0A else { return }
        let keep = (data.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        if truncate(path, off_t(keep)) != 0 {
            throw JudgeError("cannot cut the partial last line: \(String(cString: strerror(errno)))", file: path)
        }
    }

    /// The manifest written beside a results file.
    public static func manifestPath(for path: String) -> String { path + ".manifest.json" }

    public static func writeManifest(_ manifest: ResultManifest, for path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: manifestPath(for: path)))
    }

    public static func readManifest(for path: String) -> ResultManifest? {
        guard let data = FileManager.default.contents(atPath: manifestPath(for: path)) else { return nil }
        return try? JSONDecoder().decode(ResultManifest.self, from: data)
    }
}
