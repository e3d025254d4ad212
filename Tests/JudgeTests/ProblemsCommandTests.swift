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
        }

        let listed = try ProctorBinary.run(["problems", "list", out])
        #expect(listed.stdout.split(separator: "\n").count == 2)
        #expect(listed.stdout.contains("fixture-count-pairs\tmedium"))
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
