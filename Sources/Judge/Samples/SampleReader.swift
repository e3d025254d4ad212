import Foundation
import JSONLines
import Metrics

/// Reads samples in any of the accepted formats, recognised from the content.
public enum SampleReader {
    /// Options for reading.
    public struct Options: Sendable {
        /// How to get code from raw outputs (`output` fields; `code` fields are used as they are).
        public var extractor: CodeExtractor = .auto
        /// The checkpoint label for formats that carry none (human-eval, LiveCodeBench).
        public var checkpoint: String = "default"
        /// Skip malformed lines (counted) instead of stopping at the first.
        public var skipInvalid = false
        /// Problem id → the entry point of a function problem, for extracting from `output`.
        public var entryPoints: [String: String] = [:]
        /// The problem set's ids in its order: what bigcode-evaluation-harness's generations,
        /// one list per problem, are matched with.
        public var problemOrder: [String] = []
        /// The tag of a reasoning block (`<think>…</think>`) whose contents `output` and
        /// `completion` fields lose before extraction (`ReasoningSplit`); nil keeps them whole.
        public var reasoningTag: String? = ReasoningSplit.defaultTag
        /// The language of samples that name none (no `language` field); nil takes it from the
        /// fence the code was extracted from, Python when that names no known language.
        public var language: Language?

        public init(extractor: CodeExtractor = .auto, checkpoint: String = "default", skipInvalid: Bool = false,
                    entryPoints: [String: String] = [:], problemOrder: [String] = [],
                    reasoningTag: String? = ReasoningSplit.defaultTag, language: Language? = nil) {
            self.extractor = extractor
            self.language = language
            self.problemOrder = problemOrder
            self.checkpoint = checkpoint
            self.skipInvalid = skipInvalid
            self.entryPoints = entryPoints
            self.reasoningTag = reasoningTag
        }

        /// The answer part of a raw output: after its reasoning block, "" when the block never closes.
        func answer(_ output: String) -> String {
            ReasoningSplit(output, tag: reasoningTag).answer ?? ""
        }

        /// The entry points of `problems`' function problems.
        public static func entryPoints(of problems: [Problem]) -> [String: String] {
            Dictionary(problems.compactMap { problem in problem.entryPoint.map { (problem.id, $0) } },
                       uniquingKeysWith: { first, _ in first })
        }
    }

    /// The fields a samples line may hold that the judge reads.
    static let fields = ["task_id", "completion", "solution", "problem_id", "checkpoint", "sample_index", "code", "output",
                         "starts_in_code", "language"]

    /// The samples of `path`, its format, and the lines skipped as invalid. JSON Lines are
    /// streamed through json-c (`JSONLinesReader`): on a 100,000-line samples file it reads in
    /// less than half of JSONSerialization's time (bench/README.md, "Reading samples files").
    public static func read(_ path: String, options: Options = Options()) throws
        -> (samples: [Sample], format: SampleFormat, skipped: [JudgeError])
    {
        if let files = MultiplECompletions.files(at: path) {
            return (try MultiplECompletions.read(files, options: options), .multiplE, [])
        }
        if try startsWithArray(path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw JudgeError("cannot read the samples file", file: path)
            }
            var bytes = Array(data)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            return try readList(bytes, path: path, options: options)
        }
        let reader: JSONLinesReader
        do {
            reader = try JSONLinesReader(path: path, fields: fields)
        } catch {
            throw JudgeError("cannot read the samples file (\(error))", file: path)
        }
        var samples: [Sample] = []
        var skipped: [JudgeError] = []
        var format: SampleFormat?
        var nextIndex: [String: Int] = [:]
        while true {
            do {
                let record: JSONLinesRecord
                do {
                    guard let next = try reader.next() else { break }
                    record = next
                } catch let error where error.line != nil {
                    throw JudgeError("not a JSON object", file: path, line: error.line)
                } catch {
                    throw JudgeError("cannot read the samples file (\(error))", file: path)
                }
                let sample: Sample
                if case .string(let taskID)? = record.fields["task_id"] {
                    // human-eval's completion continues the prompt; EvalPlus's solution is the whole program.
                    let code: String
                    if case .string(let completion)? = record.fields["completion"] {
                        code = options.answer(completion)
                        format = format ?? .humanEval
                    } else if case .string(let solution)? = record.fields["solution"] {
                        code = solution
                        format = format ?? .evalPlus
                    } else {
                        throw JudgeError("needs a string 'completion' (human-eval) or 'solution' (EvalPlus)", file: path,
                                         line: record.lineNumber, field: "completion")
                    }
                    let index = nextIndex[taskID, default: 0]
                    nextIndex[taskID] = index + 1
                    sample = Sample(problemID: taskID, checkpoint: options.checkpoint, index: index, code: code)
                } else {
                    sample = try proctorSample(record, path: path, options: options)
                    format = format ?? .proctor
                }
                samples.append(sample)
            } catch let error as JudgeError {
                if !options.skipInvalid || error.line == nil { throw error }
                skipped.append(error)
            }
        }
        return (samples, format ?? .proctor, skipped)
    }

    /// Whether the file's first byte that is not whitespace (after a UTF-8 BOM) opens an array
    /// (LiveCodeBench's format) rather than a line's object.
    private static func startsWithArray(_ path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw JudgeError("cannot read the samples file", file: path)
        }
        defer { try? handle.close() }
        var first = true
        while let chunk = try? handle.read(upToCount: 4096), !chunk.isEmpty {
            var bytes = chunk[...]
            if first && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            first = false
            if let byte = bytes.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) {
                return byte == 0x5B
            }
        }
        return false
    }

    private static func proctorSample(_ record: JSONLinesRecord, path: String, options: Options) throws -> Sample {
        let line = record.lineNumber
        guard case .string(let problemID)? = record.fields["problem_id"] else {
            throw JudgeError("missing or not a string", file: path, line: line, field: "problem_id")
        }
        var checkpoint = options.checkpoint
        if case .string(let given)? = record.fields["checkpoint"] { checkpoint = given }
        guard case .number(let text)? = record.fields["sample_index"], let index = Int(text) else {
            throw JudgeError("missing or not an integer", file: path, line: line, field: "sample_index")
        }
        var language = options.language
        if let field = record.fields["language"], field != .missing {
            guard case .string(let name) = field, let named = Language.named(name) else {
                throw JudgeError("not a language Proctor judges (\(Language.all.map(\.id).joined(separator: ", ")))",
                                 file: path, line: line, field: "language")
            }
            language = named
        }
        let code: String
        if case .string(let given)? = record.fields["code"] {
            code = given
        } else if case .string(let output)? = record.fields["output"] {
            // `starts_in_code`: the prompt opened the block the output begins in (see `proctor generate`).
            var startsInCode = false
            if case .bool(let flag)? = record.fields["starts_in_code"] { startsInCode = flag }
            let answer = options.answer(output)
            code = options.extractor.extract(answer, entryPoint: options.entryPoints[problemID], startsInCode: startsInCode,
                                             preferring: language ?? .python)
            if language == nil { language = CodeExtractor.fenceLanguage(of: code, in: answer) }
        } else {
            throw JudgeError("needs a string 'code' or 'output'", file: path, line: line, field: "code")
        }
        return Sample(problemID: problemID, checkpoint: checkpoint, index: index, code: code, language: language ?? .python)
    }

    /// A samples file that is one JSON list: bigcode-evaluation-harness's generations (a list of
    /// lists of programs, one per problem in the set's order) or LiveCodeBench's.
    private static func readList(_ bytes: [UInt8], path: String, options: Options) throws
        -> (samples: [Sample], format: SampleFormat, skipped: [JudgeError])
    {
        let parsed = try? JSONSerialization.jsonObject(with: Data(bytes))
        if let lists = parsed as? [Any], !lists.isEmpty, lists.allSatisfy({ $0 is [Any] }) {
            return (try readBigcode(lists, path: path, options: options), .bigcode, [])
        }
        return (try readLiveCodeBench(parsed, path: path, options: options), .liveCodeBench, [])
    }

    private static func readBigcode(_ lists: [Any], path: String, options: Options) throws -> [Sample] {
        guard lists.count == options.problemOrder.count else {
            throw JudgeError("bigcode generations hold \(lists.count) lists, one per problem, but the problem set has "
                             + "\(options.problemOrder.count) problems: judge them against the set they were generated for",
                             file: path)
        }
        var samples: [Sample] = []
        for (position, (entry, problemID)) in zip(lists, options.problemOrder).enumerated() {
            guard let programs = entry as? [String] else {
                throw JudgeError("list \(position + 1) (problem \(problemID)) must hold strings, one program per sample", file: path)
            }
            for (index, code) in programs.enumerated() {
                samples.append(Sample(problemID: problemID, checkpoint: options.checkpoint, index: index, code: code))
            }
        }
        return samples
    }

    private static func readLiveCodeBench(_ parsed: Any?, path: String, options: Options) throws -> [Sample] {
        guard let list = parsed as? [[String: Any]] else {
            throw JudgeError("a samples file that is one JSON list must be LiveCodeBench's [{question_id, code_list}] "
                             + "or bigcode-evaluation-harness's generations [[program, ...], ...]", file: path)
        }
        var samples: [Sample] = []
        for (position, entry) in list.enumerated() {
            guard let questionID = entry["question_id"] as? String, let codes = entry["code_list"] as? [String] else {
                throw JudgeError("entry \(position + 1) needs question_id (string) and code_list (list of strings)",
                                 file: path)
            }
            for (index, code) in codes.enumerated() {
                samples.append(Sample(problemID: questionID, checkpoint: options.checkpoint, index: index, code: code))
            }
        }
        return samples
    }
}
