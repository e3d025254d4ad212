import Foundation
import JSONLines
import Judge

/// A Proctor samples JSONL file being appended to: one sorted-key JSON object per line, each
/// write followed by `fsync`, so a crash or Ctrl-C loses no finished sample. On resume the
/// partial last line a crash may leave is cut, and the samples already present are reported so
/// they are not generated (or written) again. Safe to append to from several threads; one
/// process writes it at a time (see `OutputFile`).
public final class SamplesFile: @unchecked Sendable {
    /// (problem, checkpoint, sample index) of every complete line present when the file was opened.
    private let existing: Set<[String]>
    public let path: String
    /// Bytes of a partial last line, left by an interrupted run, cut when the file was opened.
    public let cutBytes: Int
    private let handle: FileHandle
    private let lock = NSLock()

    /// Opens `path` for appending; without `resume` it is emptied. Another process writing
    /// `path` is an error, and the file is left as it is.
    public init(path: String, resume: Bool) throws {
        self.path = path
        let opened = try OutputFile.open(path, resume: resume)
        handle = FileHandle(fileDescriptor: opened.descriptor, closeOnDealloc: true)
        cutBytes = opened.cutBytes
        var existing: Set<[String]> = []
        if resume {
            // Streamed through json-c like every samples reader; a line that is not JSON is an
            // error naming its line, so a damaged file is never half-resumed.
            let reader = try JSONLinesReader(path: path, fields: ["problem_id", "checkpoint", "sample_index"])
            while let record = try reader.next() {
                guard case .string(let id)? = record.fields["problem_id"], case .string(let checkpoint)? = record.fields["checkpoint"],
                      case .number(let text)? = record.fields["sample_index"], let index = Int(text)
                else { continue }  // not a sample of Proctor's
                existing.insert([id, checkpoint, String(index)])
            }
        }
        self.existing = existing
    }

    /// What opening the file repaired, for the user; nil when nothing was.
    public var repairNote: String? { OutputFile.repairNote(path: path, cutBytes: cutBytes) }

    deinit { try? handle.close() }

    /// Whether the file held this sample when it was opened.
    public func contains(problemID: String, checkpoint: String, index: Int) -> Bool {
        existing.contains([problemID, checkpoint, String(index)])
    }

    /// Appends `records` (one line each, in one write) and waits until they are on disk.
    public func append(_ records: [SampleRecord]) throws {
        var lines = Data()
        for record in records {
            lines.append(try record.line())
            lines.append(0x0A)
        }
        try lock.withLock {
            try handle.write(contentsOf: lines)
            try handle.synchronize()
        }
    }
}
