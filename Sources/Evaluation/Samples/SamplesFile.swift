import Foundation
import Judge

/// A Proctor samples JSONL file being appended to: one sorted-key JSON object per line, each
/// write followed by `fsync`, so a crash or Ctrl-C loses no finished sample. On resume the
/// partial last line a crash may leave is cut, and the samples already present are reported so
/// they are not generated (or written) again. Safe to append to from several threads.
public final class SamplesFile: @unchecked Sendable {
    /// (problem, checkpoint, sample index) of every complete line present when the file was opened.
    private let existing: Set<[String]>
    public let path: String
    private let handle: FileHandle
    private let lock = NSLock()

    /// Opens `path` for appending; without `resume` it is truncated.
    public init(path: String, resume: Bool) throws {
        self.path = path
        var existing: Set<[String]> = []
        if resume, FileManager.default.fileExists(atPath: path) {
            try ResultFile.cutPartialLastLine(path)
            let data = FileManager.default.contents(atPath: path) ?? Data()
            for line in data.split(separator: 0x0A) {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                    let id = object["problem_id"] as? String, let index = object["sample_index"] as? Int,
                    let checkpoint = object["checkpoint"] as? String
                else { continue }
                existing.insert([id, checkpoint, String(index)])
            }
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        self.existing = existing
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw JudgeError("cannot open for appending", file: path)
        }
        try handle.seekToEnd()
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Whether the file held this sample when it was opened.
    public func contains(problemID: String, checkpoint: String, index: Int) -> Bool {
        existing.contains([problemID, checkpoint, String(index)])
    }

    /// Appends `records` (one line each, in one write) and waits until they are on disk.
    public func append(_ records: [[String: Any]]) throws {
        var lines = Data()
        for record in records {
            lines.append(try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes]))
            lines.append(0x0A)
        }
        try lock.withLock {
            try handle.write(contentsOf: lines)
            try handle.synchronize()
        }
    }
}
