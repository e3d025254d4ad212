import Foundation

/// Another harness's results file, written beside Proctor's own (`proctor judge --emit`) so that
/// dashboards built on that harness keep working.
public enum EmitFormat: String, CaseIterable, Sendable {
    /// The `*_eval_results.json` that `evalplus.evaluate` writes (`EvalPlusResults`).
    case evalPlus = "evalplus"
    /// The `*_eval_all.json` that LiveCodeBench's runner writes (`LiveCodeBenchResults`).
    case liveCodeBench = "livecodebench"

    /// What was written, and what was left out.
    public struct Summary: Sendable, Equatable {
        /// Samples written.
        public var written: Int
        /// Samples with a harness error (IE), left out: the other formats have no verdict that is
        /// not counted against the model, and Proctor never counts them.
        public var harnessErrorsLeftOut: Int
        /// The files written: the one asked for, and LiveCodeBench's `*_eval.json` beside an `*_eval_all.json`.
        public var files: [String]
    }

    /// Writes `records` (one checkpoint's, all Python) to `path` in this format. `problems` supply what the
    /// format repeats from the problem (LiveCodeBench's title, statement, platform…);
    /// `problemsHash` is Proctor's hash of the problem set.
    @discardableResult
    public func write(_ records: [ResultRecord], problems: [Problem], problemsHash: String, to path: String) throws -> Summary {
        let checkpoints = records.reduce(into: [String]()) { if !$0.contains($1.checkpoint) { $0.append($1.checkpoint) } }
        if checkpoints.count > 1 {
            throw JudgeError("--emit \(rawValue) writes one checkpoint's results, but these hold \(checkpoints.count) "
                             + "(\(checkpoints.joined(separator: ", "))): judge each checkpoint's samples into its own results file",
                             file: path)
        }
        let otherLanguages = Set(records.compactMap(\.language)).sorted()
        if !otherLanguages.isEmpty {
            throw JudgeError("--emit \(rawValue) writes Python results, the only language that tool judges, but some samples "
                             + "were judged as \(otherLanguages.joined(separator: ", ")): leave --emit out for them",
                             file: path)
        }
        let counted = records.filter { $0.verdict != .internalError }
        var files: [(path: String, data: Data)]
        switch self {
        case .evalPlus:
            files = [(path, try EvalPlusResults(records: counted, problems: problems, problemsHash: problemsHash).json())]
        case .liveCodeBench:
            let results = try LiveCodeBenchResults(records: counted, problems: problems)
            files = [(path, try results.json())]
            // LiveCodeBench writes its metrics as <name>_eval.json beside <name>_eval_all.json.
            if path.hasSuffix(Self.liveCodeBenchAllSuffix) {
                files.append((String(path.dropLast(Self.liveCodeBenchAllSuffix.count)) + "_eval.json", try results.metricsJSON()))
            }
        }
        for file in files {
            do {
                try file.data.write(to: URL(fileURLWithPath: file.path), options: .atomic)
            } catch {
                throw JudgeError("cannot write the --emit \(rawValue) file: \(error.localizedDescription)", file: file.path)
            }
        }
        return Summary(written: counted.count, harnessErrorsLeftOut: records.count - counted.count, files: files.map(\.path))
    }

    /// The ending of LiveCodeBench's per-sample file; its metrics file ends in `_eval.json` instead.
    static let liveCodeBenchAllSuffix = "_eval_all.json"

    /// Throws unless `path` can be written: its folder exists and is writable, and it is not a
    /// folder. Checked before judging, so a typo does not cost a whole run.
    public static func checkWritable(_ path: String, format: EmitFormat) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw JudgeError("--emit \(format.rawValue) needs a file to write, and this is a folder", file: path)
        }
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw JudgeError("--emit \(format.rawValue) cannot write here: the folder \(directory) does not exist", file: path)
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw JudgeError("--emit \(format.rawValue) cannot write here: the folder \(directory) is not writable", file: path)
        }
    }

    /// The samples of one problem in sample-index order, problems in `order`.
    static func byProblem(_ records: [ResultRecord],
                          order: (String, String) -> Bool) -> [(problemID: String, records: [ResultRecord])] {
        Dictionary(grouping: records, by: \.problemID)
            .map { ($0.key, $0.value.sorted { $0.sampleIndex < $1.sampleIndex }) }
            .sorted { order($0.0, $1.0) }
    }

    /// Python's `sorted` order for strings: by code point.
    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }
}
