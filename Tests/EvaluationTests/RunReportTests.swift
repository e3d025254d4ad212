import Evaluation
import Foundation
@testable import Judge
import Reports
import Testing
import TestSupport

@Suite("The evaluation report")
struct RunReportTests {
    /// 50 problems × 3 checkpoints × 10 samples, each with two measured tests, and code that
    /// tries to break out of the page.
    static func syntheticRecords() -> [ResultRecord] {
        var records: [ResultRecord] = []
        let failures: [Verdict] = [.wrongAnswer, .timeLimit, .runtimeError, .wrongAnswer]
        for problem in 0..<50 {
            for (offset, checkpoint) in ["base", "lora-a", "lora-b"].enumerated() {
                for index in 0..<10 {
                    let code = "print('</pre><script>alert(1)</script>')  # \(problem) \(checkpoint) \(index)\n"
                        + String(repeating: "total = sum(map(int, input().split()))\n", count: 25)
                    var record = ResultRecord(sample: Sample(problemID: String(format: "p%02d", problem), checkpoint: checkpoint,
                                                             index: index, code: code),
                                              outcome: CandidateOutcome(tests: []))
                    // Each checkpoint solves a different share of each problem's samples.
                    let solved = index < (problem + 3 * offset) % 11
                    record.verdict = solved ? .accepted : failures[(problem + index) % failures.count]
                    record.passed = record.verdict == .accepted
                    record.tests = (0..<2).map { test in
                        TestOutcome(name: "0\(test)", verdict: record.verdict, cpuTimeSeconds: 0.01 * Double(problem % 7 + test),
                                    wallTimeSeconds: 0.02, peakResidentBytes: (10 + problem % 5) << 20, detail: nil)
                    }
                    records.append(record)
                }
            }
        }
        return records
    }

    static func textTable() throws -> MetricTable {
        let fixtures = RepositoryPaths.path("Tests/ScoreTextTests/Fixtures")
        let set = TextPredictionSet(name: "qa", predictions: ["base": fixtures + "/qa_baseline.jsonl",
                                                                "lora-a": fixtures + "/qa_lora.jsonl"])
        return try TextMetricTables.table(set, order: ["base", "lora-a", "lora-b"], field: "text[0]")
    }

    @Test("a 50 problems × 3 checkpoints × 10 samples page is one file under 3 MB with every section")
    func largeRunPage() throws {
        let statements = Dictionary(uniqueKeysWithValues: (0..<50).map {
            (String(format: "p%02d", $0), "Given <N> numbers & a target, print the count. " + String(repeating: "More text. ", count: 80))
        })
        let report = RunReport(title: "Proctor evaluation", facts: [RunFact("model", "m.gguf (sha256 0123…)")],
                               code: CodeReport(records: Self.syntheticRecords()), text: [try Self.textTable()],
                               statements: statements)
        let html = report.html()
        #expect(html.utf8.count < 3_000_000, "\(html.utf8.count) bytes")
        for part in ["<table class=facts>", "<h2>Summary</h2>", "<th>pass@10</th>", "<svg class=chart",
                     "<h2>Is the difference real?</h2>", "<th>p-value</th>", "<table class=matrix>",
                     "Where they differ", "<details open>", "<details>", "<div class=panels>", "Given &lt;N&gt; numbers &amp; a target",
                     "<h2>Time and memory per test</h2>", "<h2>Text metrics</h2>", "<h3>qa (qa, seed profile)</h3>"] {
            #expect(html.contains(part), "HTML is missing \(part)")
        }
        #expect(!html.contains("<script>alert(1)</script>"), "model code must be escaped")
        #expect(!html.contains("http://") && !html.contains("https://"), "the page must load nothing")
        #expect(report.code.differing.count > 10)

        let markdown = report.markdown()
        for part in ["# Proctor evaluation", "## Summary", "## Is the difference real?", "| lora-a vs base |",
                     "## Per problem", "## Where they differ: the code", "> Given <N> numbers", "```python",
                     "## Time and memory per test", "## Text metrics", "### qa (qa, seed profile)"] {
            #expect(markdown.contains(part), "Markdown is missing \(part)")
        }
        let decoded = try JSONDecoder().decode(RunReport.self, from: Data(try report.json().utf8))
        #expect(decoded.code.summaries == report.code.summaries)
        #expect(decoded.text == report.text)
    }

    @Test("time and memory per test: median and largest per checkpoint, with the problem")
    func resources() {
        let report = CodeReport(records: Self.syntheticRecords())
        let base = report.resources[0]
        #expect(base.checkpoint == "base")
        #expect(base.testRuns == 50 * 10 * 2)
        #expect(abs(base.slowestCPUSeconds - 0.07) < 1e-12)
        #expect(base.peakResidentBytes == 14 << 20)
        #expect(Int(base.slowestProblem?.dropFirst() ?? "") .map { $0 % 7 == 6 } == true, "\(base.slowestProblem ?? "")")
    }

    @Test("the differing panels show a sample with the cell's most common verdict")
    func representativeSample() {
        let report = CodeReport(records: Self.syntheticRecords())
        for id in report.problemIDs {
            for checkpoint in report.checkpoints {
                let cell = report.matrix[id]![checkpoint]!
                #expect(cell.exampleVerdict == cell.dominantVerdict)
            }
        }
    }

    @Test("text tables match the reference script's scores (Tests/ScoreTextTests/Fixtures/expected.json)")
    func textTableValues() throws {
        let table = try Self.textTable()
        #expect(table.columns == ["EM", "Relaxed", "F1", "ROUGE-L", "Acc@ROUGE-L"])
        #expect(table.rows.map(\.checkpoint) == ["base", "lora-a"], "a checkpoint without predictions is left out")
        let expected = try #require(try JSONSerialization.jsonObject(
            with: Data(Fixtures.text("ScoreTextTests", "expected.json").utf8)) as? [String: Any])
        for (row, file) in zip(table.rows, ["qa_baseline.jsonl", "qa_lora.jsonl"]) {
            let overall = try #require(((((expected["qa"] as? [String: Any])?[file] as? [String: Any])?["seed"]
                as? [String: Any])?["overall"]) as? [String: Double])
            let expectedValues = [overall["em"]!, overall["relaxed"]!, overall["f1"]!, overall["rouge"]!, overall["accAtRouge"]!]
            for (value, reference) in zip(row.values, expectedValues) {
                #expect(abs((value ?? .nan) - reference) < 1e-12, "\(row.checkpoint): \(String(describing: value)) vs \(reference)")
            }
            #expect(row.items == 12)
        }
        #expect(table.comparisons.count == 5)
        #expect(table.comparisons.allSatisfy { $0.candidate == "lora-a" && $0.baseline == "base" && $0.sentence.contains("lora-a") })
    }
}
