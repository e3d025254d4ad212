@testable import Judge
import Metrics
import Reports
import Testing

@Suite("Code reports")
struct CodeReportTests {
    static func record(_ problem: String, _ checkpoint: String, _ index: Int, _ verdict: Verdict) -> ResultRecord {
        var record = ResultRecord(sample: Sample(problemID: problem, checkpoint: checkpoint, index: index, code: ""),
                                  outcome: CandidateOutcome(tests: []))
        record.verdict = verdict
        record.passed = verdict == .accepted
        return record
    }

    @Test("one sample per problem: Pass@1 with a Wilson interval, exact McNemar between checkpoints")
    func oneSample() {
        // 10 problems: base solves 0-2, lora solves 0-5 (3 only-lora, 0 only-base).
        var records: [ResultRecord] = []
        for problem in 0..<10 {
            records.append(Self.record("p\(problem)", "base", 0, problem < 3 ? .accepted : .wrongAnswer))
            records.append(Self.record("p\(problem)", "lora", 0, problem < 6 ? .accepted : .timeLimit))
        }
        let report = CodeReport(records: records)
        #expect(report.checkpoints == ["base", "lora"])
        #expect(report.summaries[0].passAt1 == 0.3)
        #expect(report.summaries[0].interval == wilsonInterval(successes: 3, trials: 10))
        let comparison = report.comparisons[0]
        #expect(comparison.method == "exact McNemar")
        #expect(comparison.onlyBaseline == 0 && comparison.onlyCandidate == 3)
        #expect(abs(comparison.pValue - 0.25) < 1e-12)  // 2 × (1/2)^3
        #expect(report.differing == ["p3", "p4", "p5"])
    }

    @Test("several samples: per-problem c/n, unbiased pass@k, harness errors left out")
    func severalSamples() {
        var records: [ResultRecord] = []
        for index in 0..<10 {
            records.append(Self.record("a", "base", index, index < 3 ? .accepted : .wrongAnswer))
            records.append(Self.record("b", "base", index, index < 1 ? .accepted : .runtimeError))
        }
        records.append(Self.record("b", "base", 10, .internalError))
        let summary = CodeReport(records: records).summaries[0]
        #expect(summary.samples == 20)
        #expect(summary.harnessErrors == 1)
        #expect(abs(summary.passAt1 - 0.2) < 1e-12)
        #expect(abs(summary.passAtK["5"]! - (passAtK(n: 10, c: 3, k: 5) + passAtK(n: 10, c: 1, k: 5)) / 2) < 1e-12)
        #expect(summary.passAtK["20"] == nil)
        #expect(summary.interval.method == "bootstrap")
    }

    @Test("the verdict table counts every sample's verdict per checkpoint, harness errors as IE, only occurring columns")
    func verdictTotals() {
        var records: [ResultRecord] = []
        for problem in 0..<10 {
            records.append(Self.record("p\(problem)", "base", 0, problem < 3 ? .accepted : (problem < 5 ? .compileError : .wrongAnswer)))
            records.append(Self.record("p\(problem)", "lora", 0, problem < 6 ? .accepted : .timeLimit))
        }
        records.append(Self.record("p0", "lora", 1, .internalError))
        let report = CodeReport(records: records)
        #expect(report.verdictTotals("base") == ["AC": 3, "CE": 2, "WA": 5])
        #expect(report.verdictTotals("lora") == ["AC": 6, "TLE": 4, "IE": 1])
        #expect(report.occurringVerdicts == ["AC", "WA", "TLE", "CE", "IE"])
        let markdown = report.markdown()
        #expect(markdown.contains("| checkpoint | AC | WA | TLE | CE | IE |"))
        #expect(markdown.contains("| base | 3 | 5 | 0 | 2 | 0 |"))
        #expect(markdown.contains("| lora | 6 | 0 | 4 | 0 | 1 |"))
    }

    @Test("problems with equal pass rates but different most common verdicts are listed apart from the pass-rate differences")
    func verdictDiffering() {
        var records: [ResultRecord] = []
        for problem in 0..<4 {
            records.append(Self.record("p\(problem)", "base", 0, problem == 0 ? .accepted : .compileError))
            records.append(Self.record("p\(problem)", "lora", 0, [.wrongAnswer, .wrongAnswer, .compileError, .runtimeError][problem]))
        }
        let report = CodeReport(records: records)
        #expect(report.differing == ["p0"])
        #expect(report.verdictDiffering == ["p1", "p3"])
        #expect(report.markdown().contains("Same pass rate, different most common verdict: 2 problems (p1, p3)."))
        let html = HTMLReport(report: report, statements: ["p1": "Print the sum"]).render()
        #expect(html.contains("<h3>Same pass rate, different verdicts (2 problems)</h3>"))
        #expect(html.contains("<details open><summary>p1 — base 0/1, lora 0/1</summary><blockquote>Print the sum"))
    }

    @Test("NC is counted as a failure and shown in every format: Markdown, HTML, JSON and both CSVs")
    func noCodeInEveryFormat() throws {
        var records: [ResultRecord] = []
        for problem in 0..<4 {
            records.append(Self.record("p\(problem)", "base", 0, problem == 0 ? .accepted : .noCode))
            records.append(Self.record("p\(problem)", "chat", 0, problem < 2 ? .accepted : .wrongAnswer))
        }
        let report = CodeReport(records: records)
        #expect(report.summaries[0].noCode == 3 && report.summaries[0].samples == 4 && report.summaries[0].passAt1 == 0.25)
        #expect(report.summaries[1].noCode == 0)

        let markdown = report.markdown()
        #expect(markdown.contains("| checkpoint | AC | WA | NC |"))
        #expect(markdown.contains("| base | 1 | 0 | 3 |"))
        #expect(markdown.contains("AC accepted · WA wrong answer · NC no code: empty or comments only (never run)"))
        #expect(markdown.contains("No code (NC: nothing but whitespace or comments was extracted from the output, so nothing ran; "
            + "counted as failures): base 3 of 4 samples"))
        #expect(markdown.contains("| p1 | 0/1 (NC 1) | 1/1 |"))

        let html = HTMLReport(report: report).render()
        #expect(html.contains("<span class=\"v vNC\" title=\"no code: empty or comments only (never run)\">NC</span>"))
        #expect(html.contains(".vNC{"), "NC needs its colour")
        #expect(html.contains("<th title=\"samples with no code (NC): counted as failures\">no code</th>"))
        #expect(html.contains("<td class=\"v vNC\""), "a cell coloured by NC")
        #expect(html.contains("(no code was extracted from the output)"), "the differing panel says why it is empty")

        let json = try report.json()
        #expect(json.contains("\"NC\" : 1") && json.contains("\"no_code\" : 3"))
        #expect(report.csv().contains("p1,base,0,1,0.0,NC=1"))
        #expect(report.summaryCSV().contains("harness_errors,no_code\n"))
        #expect(report.summaryCSV().contains("base,0.25,") && report.summaryCSV().contains(",0,3\n"))

        let run = RunReport(title: "t", facts: [], code: report).markdown()
        #expect(run.contains("_(no code was extracted from the output)_"))
    }
}
