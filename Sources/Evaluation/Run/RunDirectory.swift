import Foundation

/// The files of one evaluation run:
///
///     config.json            the configuration, absolute paths
///     manifest.json          hashes, settings, sandbox protections, times (`RunManifest`)
///     merges/<label>/        a merge checkpoint's merged PEFT adapter (renamed into place when whole)
///     samples/<label>.jsonl  generated samples, one durable line each
///     results/<label>.jsonl  judged samples (+ .manifest.json, as `proctor judge` writes)
///     report.md, report.html, report.json
public struct RunDirectory: Sendable {
    public let root: String

    public init(_ root: String) { self.root = URL(fileURLWithPath: root).standardizedFileURL.path }

    public var config: String { root + "/config.json" }
    public var manifest: String { root + "/manifest.json" }
    public var mergesFolder: String { root + "/merges" }
    public func merge(_ label: String) -> String { mergesFolder + "/\(label)" }
    public var samplesFolder: String { root + "/samples" }
    public var resultsFolder: String { root + "/results" }
    public func samples(_ label: String) -> String { samplesFolder + "/\(label).jsonl" }
    public func results(_ label: String) -> String { resultsFolder + "/\(label).jsonl" }
    public var reportMarkdown: String { root + "/report.md" }
    public var reportHTML: String { root + "/report.html" }
    public var reportJSON: String { root + "/report.json" }

    /// The file whose lock marks the run as in progress.
    public var lockFile: String { root + "/.lock" }

    /// Takes the run's lock: an advisory `flock` on `.lock`, held until the descriptor returned is
    /// closed or the process ends (SIGKILL included). A second `proctor eval` on the same folder
    /// is refused before it touches anything.
    func lock() throws -> Int32 {
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw EvaluationError("cannot create the folder: \(error.localizedDescription)", file: root)
        }
        let descriptor = open(lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0 { throw EvaluationError("cannot open: \(String(cString: strerror(errno)))", file: lockFile) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            close(descriptor)
            throw EvaluationError(busy ? "another proctor eval is running in this folder; wait for it, or give another --out"
                                       : "cannot lock: \(String(cString: strerror(errno)))", file: root)
        }
        return descriptor
    }

    /// Creates the folders.
    func create() throws {
        for folder in [root, samplesFolder, resultsFolder] {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw EvaluationError("cannot create the folder: \(error.localizedDescription)", file: folder)
            }
        }
    }

    /// Removes everything a run wrote (for `--force-restart`); other files are left alone.
    func clear() throws {
        for path in [config, manifest, mergesFolder, samplesFolder, resultsFolder, reportMarkdown, reportHTML, reportJSON]
        where FileManager.default.fileExists(atPath: path) {
            try FileManager.default.removeItem(atPath: path)
        }
    }
}
