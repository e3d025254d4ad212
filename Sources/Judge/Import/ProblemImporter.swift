import Foundation

/// Which imported problems to keep.
public struct ImportFilter: Sendable {
    public var platforms: Set<String> = []
    public var difficulties: Set<String> = []
    /// ISO dates (`2023-05-01`), compared as text with the record's `contest_date`.
    public var contestDateFrom: String?
    public var contestDateTo: String?

    public init(platforms: Set<String> = [], difficulties: Set<String> = [], contestDateFrom: String? = nil,
                contestDateTo: String? = nil) {
        self.platforms = platforms
        self.difficulties = difficulties
        self.contestDateFrom = contestDateFrom
        self.contestDateTo = contestDateTo
    }

    func keeps(platform: String, difficulty: String, contestDate: String) -> Bool {
        if !platforms.isEmpty && !platforms.contains(platform) { return false }
        if !difficulties.isEmpty && !difficulties.contains(difficulty) { return false }
        let day = String(contestDate.prefix(10))
        if let from = contestDateFrom, day < from { return false }
        if let to = contestDateTo, day > to { return false }
        return true
    }
}

/// Reads problems published as JSON Lines: LiveCodeBench's `code_generation_lite` and HumanEval.
public enum ProblemImporter {
    /// Default CPU-time limit for imported problems, seconds (LiveCodeBench's runner allows 6 s per test).
    public static let liveCodeBenchTimeLimit = 6.0
    /// HumanEval's executor allows 3 s for a whole check program.
    public static let humanEvalTimeLimit = 3.0

    /// Imports every record of `path` (`.jsonl` or `.jsonl.gz`), recognising the format per record.
    public static func importFile(_ path: String, filter: ImportFilter = ImportFilter()) throws -> [Problem] {
        let bytes = try Inflate.fileContents(path)
        var problems: [Problem] = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard let record = try? JSONSerialization.jsonObject(with: Data(trimmed)) as? [String: Any] else {
                throw JudgeError("not a JSON object", file: path, line: lineNumber)
            }
            if record["name"] != nil && record["tests"] != nil && record["prompt"] != nil && record["task_id"] == nil {
                problems.append(try multiplE(record, file: path, line: lineNumber))
            } else if record["task_id"] != nil && record["prompt"] != nil {
                problems.append(try humanEval(record, file: path, line: lineNumber))
            } else if record["question_id"] != nil {
                if let problem = try liveCodeBench(record, file: path, line: lineNumber, filter: filter) {
                    problems.append(problem)
                }
            } else {
                throw JudgeError("neither a HumanEval record (task_id, prompt), a MultiPL-E one (name, prompt, tests) "
                                 + "nor a LiveCodeBench one (question_id)",
                                 file: path, line: lineNumber)
            }
        }
        return problems
    }

    /// MultiPL-E's languages Proctor judges, by MultiPL-E's name for them.
    public static let multiplELanguages: [String: Language] = ["cpp": .cpp17, "java": .java, "js": .javascript, "rs": .rust]
    /// CPU time for one MultiPL-E program, seconds (its evaluator allows 15 s of wall time).
    public static let multiplETimeLimit = 6.0

    static func multiplE(_ record: [String: Any], file: String, line: Int) throws -> Problem {
        func text(_ field: String) throws -> String { try requiredString(record, field, file: file, line: line) }
        let name = try text("name")
        let languageName = try text("language")
        guard let language = multiplELanguages[languageName] else {
            throw JudgeError("MultiPL-E's '\(languageName)' is not judged; Proctor judges "
                             + multiplELanguages.keys.sorted().joined(separator: ", "), file: file, line: line, field: "language")
        }
        let prompt = try text("prompt")
        return Problem(
            id: name, title: name, difficulty: "multipl-e", timeLimitSeconds: multiplETimeLimit, memoryLimitBytes: 1 << 30,
            checker: .tokens, tags: ["multipl-e", languageName], statement: prompt,
            kind: .multiplE(language: language, prompt: prompt, tests: try text("tests")),
            tests: [TestCase(name: "tests", input: [], expectedOutput: [], isSample: false)])
    }

    /// A required string field of a record, or an error naming file, line and field.
    static func requiredString(_ record: [String: Any], _ field: String, file: String, line: Int) throws -> String {
        guard let value = record[field] as? String else {
            throw JudgeError("missing or not a string", file: file, line: line, field: field)
        }
        return value
    }

    static func humanEval(_ record: [String: Any], file: String, line: Int) throws -> Problem {
        func text(_ field: String) throws -> String { try requiredString(record, field, file: file, line: line) }
        let taskID = try text("task_id")
        let prompt = try text("prompt")
        return Problem(
            id: taskID, title: taskID, difficulty: "humaneval", timeLimitSeconds: humanEvalTimeLimit,
            memoryLimitBytes: 1 << 30, checker: .tokens, tags: ["humaneval"], statement: prompt,
            kind: .humanEval(prompt: prompt, test: try text("test"), entryPoint: try text("entry_point")),
            starterCode: prompt, tests: [TestCase(name: "check", input: [], expectedOutput: [], isSample: false)],
            referenceSolution: record["canonical_solution"] as? String)
    }

    static func liveCodeBench(_ record: [String: Any], file: String, line: Int, filter: ImportFilter) throws -> Problem? {
        func text(_ field: String) throws -> String { try requiredString(record, field, file: file, line: line) }
        let platform = try text("platform")
        let difficulty = try text("difficulty")
        let contestDate = (record["contest_date"] as? String) ?? ""
        guard filter.keeps(platform: platform, difficulty: difficulty, contestDate: contestDate) else { return nil }

        let publicTests = try decodeTests(try text("public_test_cases"), file: file, line: line,
                                          field: "public_test_cases")
        let privateTests = try decodeTests(try privateTestsJSON(try text("private_test_cases"), file: file, line: line),
                                           file: file, line: line, field: "private_test_cases")
        let metadataText = (record["metadata"] as? String) ?? "{}"
        let metadata = (try? JSONSerialization.jsonObject(with: Data(metadataText.utf8))) as? [String: Any] ?? [:]
        let functional = (publicTests + privateTests).first?.testtype == "functional"
        var kind = ProblemKind.standardIO
        if functional {
            guard let name = metadata["func_name"] as? String else {
                throw JudgeError("a functional problem needs func_name in metadata", file: file, line: line,
                                 field: "metadata")
            }
            kind = .functional(functionName: name)
        }
        // Names lead with the position, so that sorting by name (as problem folders are read)
        // keeps LiveCodeBench's order: public tests first.
        let published = publicTests.map { ($0, true) } + privateTests.map { ($0, false) }
        let tests = published.enumerated().map { position, entry in
            TestCase(name: String(format: "%03d-%@", position + 1, entry.1 ? "public" : "private"),
                     input: Array(entry.0.input.utf8), expectedOutput: Array(entry.0.output.utf8), isSample: entry.1)
        }
        if tests.isEmpty { throw JudgeError("the problem has no tests", file: file, line: line) }
        return Problem(
            id: try text("question_id"), title: (record["question_title"] as? String) ?? "",
            difficulty: difficulty, timeLimitSeconds: liveCodeBenchTimeLimit, memoryLimitBytes: 1 << 30,
            checker: .liveCodeBench, tags: [platform, contestDate], statement: try text("question_content"),
            kind: kind, starterCode: (record["starter_code"] as? String) ?? "", tests: tests,
            releaseDate: Problem.isDate(String(contestDate.prefix(10))) ? String(contestDate.prefix(10)) : nil)
    }

    struct PublishedTest: Decodable {
        var input: String
        var output: String
        var testtype: String
    }

    static func decodeTests(_ json: String, file: String, line: Int, field: String) throws -> [PublishedTest] {
        do {
            return try JSONDecoder().decode([PublishedTest].self, from: Data(json.utf8))
        } catch {
            throw JudgeError("not a JSON list of {input, output, testtype}: \(error)", file: file, line: line,
                             field: field)
        }
    }

    /// `private_test_cases` is JSON, or base64(zlib(pickle(json string))).
    static func privateTestsJSON(_ value: String, file: String, line: Int) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("[") { return trimmed }
        guard let compressed = Data(base64Encoded: trimmed) else {
            throw JudgeError("neither JSON nor base64", file: file, line: line, field: "private_test_cases")
        }
        guard let pickled = Inflate.decompress(Array(compressed), gzip: false) else {
            throw JudgeError("base64 decoded, but not zlib data", file: file, line: line, field: "private_test_cases")
        }
        do {
            return try PickledString.decode(pickled)
        } catch {
            throw JudgeError("\(error)", file: file, line: line, field: "private_test_cases")
        }
    }
}
