import Foundation
import JSONLines

#if canImport(Glibc)
import Glibc
#endif

/// A results JSONL file written one record at a time, each flushed to disk before the next,
/// so a crash loses at most the samples being judged at that moment. One process writes it at
/// a time (see `OutputFile`).
public final class ResultFile: @unchecked Sendable {
    public let path: String
    /// Bytes of a partial last line, left by an interrupted run, cut when the file was opened.
    public let cutBytes: Int
    private let fd: Int32
    private let lock = NSLock()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Opens `path` for appending. With `resume`, the records already there are kept (a partial
    /// last line, left by a crash mid-write, is cut off); without it the file is started anew.
    /// Another process writing `path` is an error, and the file is left as it is.
    public init(path: String, resume: Bool) throws {
        self.path = path
        let opened = try OutputFile.open(path, resume: resume)
        fd = opened.descriptor
        cutBytes = opened.cutBytes
    }

    /// What opening the file repaired, for the user; nil when nothing was.
    public var repairNote: String? { OutputFile.repairNote(path: path, cutBytes: cutBytes) }

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

    /// Reads the complete records of a results file, streamed line by line through json-c like
    /// every other JSON Lines reader (blank lines skipped). A damaged line (not JSON, or a field
    /// missing or of the wrong type) is an error naming the file, the line and the field at
    /// fault; the file is left as it is.
    public static func read(_ path: String) throws -> [ResultRecord] {
        let reader: JSONLinesReader
        do {
            reader = try JSONLinesReader(path: path, fields: [], keepsLineBytes: true)
        } catch {
            throw JudgeError("cannot read the results file (\(error.reason))", file: path)
        }
        // json-c checks each line and numbers it; the record's nested tests are decoded with the
        // Codable conformance the writer encodes them with.
        let decoder = JSONDecoder()
        var records: [ResultRecord] = []
        while true {
            let line: JSONLinesRecord
            do {
                guard let next = try reader.next() else { break }
                line = next
            } catch {
                throw JudgeError("not a result record: \(error.reason)", file: path, line: error.line)
            }
            do {
                records.append(try decoder.decode(ResultRecord.self, from: Data(line.lineBytes ?? [])))
            } catch let error as DecodingError {
                let fault = RecordDecodingFault(error)
                throw JudgeError("not a result record: \(fault.reason)", file: path, line: line.lineNumber, field: fault.field)
            }
        }
        return records
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
