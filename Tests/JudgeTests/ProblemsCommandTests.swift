import Foundation
@testable import Judge
import Testing
import TestSupport

@Suite("proctor problems and report formats")
struct ProblemsCommandTests {
    static let fixture = RepositoryPaths.path("Tests/JudgeTests/Fixtures/livecodebench_lite.jsonl")

    @Test("import writes problem folders that load back as the same problems, filters applied")
    func importRoundTrip() throws {
        let out = NSTemporaryDirectory() + "proctor-import-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let imported = try ProctorBinary.run(["problems", "import", Self.fixture, "--platform", "atcoder,leetcode",
                                              "--to", "2023-12-31", "--out", out])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("wrote 2 problems"))

        let original = try ProblemImporter.importFile(Self.fixture).filter { $0.id != "fixture-late-hard" }
        let reloaded = try ProblemStore.load(out)
        #expect(reloaded.errors.isEmpty)
        #expect(reloaded.problems.map(\.id) == original.map(\.id).sorted())
        for problem in reloaded.problems {
            let source = try #require(original.first { $0.id == problem.id })
            #expect(problem.kind == source.kind)
            #expect(problem.checker == source.checker)
            #expect(problem.tests == source.tests)
            #expect(problem.starterCode == source.starterCode)
            #expect(problem.statement == source.statement)
            #expect(problem.releaseDate == source.releaseDate && source.releaseDate != nil, "the contest date, kept in problem.json")
        }

        let listed = try ProctorBinary.run(["problems", "list", out])
        #expect(listed.stdout.split(separator: "\n").count == 2)
        #expect(listed.stdout.contains("fixture-count-pairs\tmedium"))
    }

    @Test("report --after/--before keeps the problems released in the window; --window month tabulates Pass@1 per month")
    func releaseWindows() throws {
        let directory = NSTemporaryDirectory() + "proctor-windows-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = directory + "/results.jsonl"
        let file = try ResultFile(path: results, resume: false)
        // Released 2023-08-12, 2023-09-03 and 2024-02-10 (the fixture's contest dates); a fourth
        // problem id the set does not date.
        let passes: [(String, String, Bool)] = [
            ("fixture-stdin-sum", "base", true), ("fixture-count-pairs", "base", true), ("fixture-late-hard", "base", false),
            ("fixture-stdin-sum", "lora", true), ("fixture-count-pairs", "lora", false), ("fixture-late-hard", "lora", true),
            ("undated", "base", true), ("undated", "lora", true),
        ]
        for (problem, checkpoint, passed) in passes {
            var record = ResultRecord(sample: Sample(problemID: problem, checkpoint: checkpoint, index: 0, code: ""),
                                      outcome: CandidateOutcome(tests: []))
            record.verdict = passed ? .accepted : .wrongAnswer
            record.passed = passed
            try file.append(record)
        }
        let late = try ProctorBinary.run(["report", results, "--problems", Self.fixture, "--after", "2023-09-01",
                                          "--format", "summary-csv"])
        #expect(late.status == 0, "\(late.stderr)")
        #expect(late.stderr.contains("release window [2023-09-01, any): 2 of 4 problems; 1 without a release date left out"))
        let rows = late.stdout.split(separator: "\n")
        #expect(rows.count == 3 && rows[1].hasPrefix("base,0.5,") && rows[2].hasPrefix("lora,0.5,"), "\(late.stdout)")

        let early = try ProctorBinary.run(["report", results, "--problems", Self.fixture, "--before", "2023-09-03",
                                           "--format", "summary-csv"])
        #expect(early.stdout.split(separator: "\n").count == 3)
        #expect(early.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("base,1.0,") || $0.hasPrefix("lora,1.0,") },
                "only fixture-stdin-sum, which both solved: \(early.stdout)")

        let monthly = try ProctorBinary.run(["report", results, "--problems", Self.fixture, "--window", "month"])
        #expect(monthly.status == 0, "\(monthly.stderr)")
        #expect(monthly.stdout.contains("| window | problems | base | lora |"))
        #expect(monthly.stdout.contains("| 2023-09 | 1 | 100.0% (1/1, "))
        #expect(monthly.stdout.contains("| 2024-02 | 1 | 0.0% (0/1, "))
        let page = try ProctorBinary.run(["report", results, "--problems", Self.fixture, "--window", "quarter", "--format", "html"])
        #expect(page.stdout.contains("<h2>Pass@1 by release window (quarter)</h2>"))
        #expect(page.stdout.contains("<td>2023-Q3</td><td class=num>2</td><td class=num>100.0% (2/2, "), "both 2023 problems, base solved both")
        #expect(page.stdout.contains("<td>2024-Q1</td><td class=num>1</td>"))

        let refused = try ProctorBinary.run(["report", results, "--after", "2023-9-1"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--after takes a date written YYYY-MM-DD"))
        #expect(try ProctorBinary.run(["report", results, "--after", "2023-09-01"]).stderr.contains("need --problems"))
    }

    @Test("a problem.json release_date is read as written; one that is not YYYY-MM-DD is an error naming the file and field")
    func releaseDateField() throws {
        let root = NSTemporaryDirectory() + "proctor-dated-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        func write(_ date: String) throws {
            let folder = root + "/p1"
            try FileManager.default.createDirectory(atPath: folder + "/tests", withIntermediateDirectories: true)
            try #"{"id": "p1", "title": "P", "difficulty": "easy", "time_limit_s": 2, "memory_limit_mb": 256, "checker": {"type": "tokens"}, "release_date": "\#(date)"}"#
                .write(toFile: folder + "/problem.json", atomically: true, encoding: .utf8)
            try "Print 1.".write(toFile: folder + "/statement.md", atomically: true, encoding: .utf8)
            try "".write(toFile: folder + "/tests/01.in", atomically: true, encoding: .utf8)
            try "1\n".write(toFile: folder + "/tests/01.out", atomically: true, encoding: .utf8)
        }
        try write("2025-03-09")
        let loaded = try ProblemStore.load(root)
        #expect(loaded.errors.isEmpty)
        #expect(loaded.problems.first?.releaseDate == "2025-03-09")
        try write("March 2025")
        let refused = try ProblemStore.load(root)
        #expect(refused.problems.isEmpty)
        #expect(refused.errors.map { "\($0)" }.joined().contains("release_date"), "\(refused.errors)")
        #expect(refused.errors.map { "\($0)" }.joined().contains("YYYY-MM-DD"))
    }

    @Test("report writes per-problem CSV and a summary CSV")
    func csvFormats() throws {
        let directory = NSTemporaryDirectory() + "proctor-csv-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = directory + "/results.jsonl"
        let file = try ResultFile(path: results, resume: false)
        for (index, verdict) in [Verdict.accepted, .wrongAnswer].enumerated() {
            var record = ResultRecord(sample: Sample(problemID: "p,1", checkpoint: "base", index: index, code: ""),
                                      outcome: CandidateOutcome(tests: []))
            record.verdict = verdict
            record.passed = verdict == .accepted
            try file.append(record)
        }
        let perProblem = try ProctorBinary.run(["report", results, "--format", "csv"])
        #expect(perProblem.stdout == "problem_id,checkpoint,correct,samples,pass_rate,verdicts\n\"p,1\",base,1,2,0.5,AC=1;WA=1\n")
        let summary = try ProctorBinary.run(["report", results, "--format", "summary-csv"])
        let rows = summary.stdout.split(separator: "\n")
        #expect(rows.first == "checkpoint,pass_at_1,ci_lower,ci_upper,ci_method,solved,problems,samples,harness_errors,no_code")
        #expect(rows.count == 2 && rows[1].hasPrefix("base,0.5,") && rows[1].hasSuffix(",bootstrap,1,1,2,0,0"))
    }
}
