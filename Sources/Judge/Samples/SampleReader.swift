import Foundation

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

        public init(extractor: CodeExtractor = .auto, checkpoint: String = "default", skipInvalid: Bool = false,
                    entryPoints: [String: String] = [:]) {
            self.extractor = extractor
            self.checkpoint = checkpoint
            self.skipInvalid = skipInvalid
            self.entryPoints = entryPoints
        }

        /// The entry points of `problems`' function problems.
        public static func entryPoints(of problems: [Problem]) -> [String: String] {
            Dictionary(problems.compactMap { problem in problem.entryPoint.map { (problem.id, $0) } },
                       uniquingKeysWith: { first, _ in first })
        }
    }

    /// The samples of `path`, its format, and the lines skipped as invalid.
    public static func read(_ path: String, options: Options = Options()) throws
        -> (samples: [Sample], format: SampleFormat, skipped: [JudgeError])
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JudgeError("cannot read the samples file", file: path)
        }
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let first = bytes.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }), first == 0x5B {
            return (try readLiveCodeBench(bytes, path: path, options: options), .liveCodeBench, [])
        }
        var samples: [Sample] = []
        var skipped: [JudgeError] = []
        var format: SampleFormat?
        var nextIndex: [String: Int] = [:]
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            do {
                guard let record = try? JSONSerialization.jsonObject(with: Data(trimmed)) as? [String: Any] else {
                    throw JudgeError("not a JSON object", file: path, line: lineNumber)
                }
                let sample: Sample
                if let taskID = record["task_id"] as? String {
                    guard let completion = record["completion"] as? String else {
                        throw JudgeError("missing or not a string", file: path, line: lineNumber, field: "completion")
                    }
                    format = format ?? .humanEval
                    let index = nextIndex[taskID, default: 0]
                    nextIndex[taskID] = index + 1
                    sample = Sample(problemID: taskID, checkpoint: options.checkpoint, index: index, code: completion)
                } else {
                    sample = try proctorSample(record, path: path, line: lineNumber, options: options)
                    format = format ?? .proctor
                }
                samples.append(sample)
            } catch let error as JudgeError {
                if !options.skipInvalid { throw error }
                skipped.append(error)
            }
        }
        return (samples, format ?? .proctor, skipped)
    }

    private static func proctorSample(_ record: [String: Any], path: String, line: Int, options: Options) throws -> Sample {
        guard let problemID = record["problem_id"] as? String else {
            throw JudgeError("missing or not a string", file: path, line: line, field: "problem_id")
        }
        let checkpoint = (record["checkpoint"] as? String) ?? options.checkpoint
        guard let index = record["sample_index"] as? Int else {
            throw JudgeError("missing or not an integer", file: path, line: line, field: "sample_index")
        }
        let code: String
        if let given = record["code"] as? String {
            code = given
        } else if let output = record["output"] as? String {
            // `starts_in_code`: the prompt opened the block the output begins in (see `proctor generate`).
            code = options.extractor.extract(output, entryPoint: options.entryPoints[problemID],
                                             startsInCode: record["starts_in_code"] as? Bool ?? false)
        } else {
            throw JudgeError("needs a string 'code' or 'output'", file: path, line: line, field: "code")
        }
        return Sample(problemID: problemID, checkpoint: checkpoint, index: index, code: code)
    }

    private static func readLiveCodeBench(_ bytes: [UInt8], path: String, options: Options) throws -> [Sample] {
        guard let list = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]] else {
            throw JudgeError("a LiveCodeBench samples file must be a JSON list of {question_id, code_list}", file: path)
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
