import Foundation
@testable import Judge
import Reports
import Testing
import TestSupport

@Suite("Pass@1 before and after a checkpoint's training cut-off")
struct TrainingCutoffTests {
    @Test("each checkpoint's problems split at its own trained_until; undated problems in neither column")
    func split() throws {
        let problems = try ProblemImporter.importFile(RepositoryPaths.path("Tests/JudgeTests/Fixtures/livecodebench_lite.jsonl"))
        let dates = Dictionary(uniqueKeysWithValues: problems.compactMap { p in p.releaseDate.map { (p.id, $0) } })
        // Released 2023-08-12, 2023-09-03 and 2024-02-10; "undated" has no date.
        let passes: [(String, String, Bool)] = [
            ("fixture-stdin-sum", "base", true), ("fixture-count-pairs", "base", true), ("fixture-late-hard", "base", false),
            ("fixture-stdin-sum", "lora", true), ("fixture-count-pairs", "lora", false), ("fixture-late-hard", "lora", true),
            ("undated", "base", true), ("undated", "lora", true), ("fixture-stdin-sum", "other", true),
        ]
        let records = passes.map { problem, checkpoint, passed in
            var record = ResultRecord(sample: Sample(problemID: problem, checkpoint: checkpoint, index: 0, code: ""),
                                      outcome: CandidateOutcome(tests: []))
            record.passed = passed
            return record
        }
        let table = ReleaseWindows.Cutoffs(records: records, releaseDates: dates,
                                           cutoffs: ["base": "2023-08-31", "lora": "2023-12-31"])
        #expect(table.rows.map(\.checkpoint) == ["base", "lora"], "a checkpoint without trained_until is left out")
        #expect(table.rows[0].seenProblems == 1 && table.rows[0].seen.hasPrefix("100.0% (1/1, "))
        #expect(table.rows[0].unseenProblems == 2 && table.rows[0].unseen.hasPrefix("50.0% (1/2, "))
        #expect(table.rows[1].seenProblems == 2 && table.rows[1].seen.hasPrefix("50.0% (1/2, "))
        #expect(table.rows[1].unseenProblems == 1 && table.rows[1].unseen.hasPrefix("100.0% (1/1, "))
        #expect(table.undatedProblems == 1)
        let markdown = table.markdown()
        #expect(markdown.contains("| base | 2023-08-31 | 1 | 100.0% (1/1, "))
        #expect(markdown.contains("1 problems have no release date"))
        var page = HTMLReport(report: CodeReport(records: records))
        page.cutoffs = table
        #expect(page.render().contains("<td>lora</td><td>2023-12-31</td><td class=num>2</td>"))
    }
}
