@testable import Judge
import Reports
import Testing

@Suite("The HTML report")
struct HTMLReportTests {
    /// 50 problems × 3 checkpoints × 10 samples, with code that tries to break out of the page.
    static func largeReport() -> CodeReport {
        var records: [ResultRecord] = []
        let verdicts: [Verdict] = [.accepted, .wrongAnswer, .timeLimit, .runtimeError]
        for problem in 0..<50 {
            for (offset, checkpoint) in ["base", "lora-a", "lora-b"].enumerated() {
                for index in 0..<10 {
                    let code = "print('</pre><script>alert(1)</script>')  # \(problem) \(checkpoint) \(index)\n"
                        + String(repeating: "x = 1\n", count: 20)
                    var record = ResultRecord(sample: Sample(problemID: "p\(problem)", checkpoint: checkpoint, index: index, code: code),
                                              outcome: CandidateOutcome(tests: []))
                    record.verdict = verdicts[(problem + index * (offset + 1)) % verdicts.count]
                    record.passed = record.verdict == .accepted
                    records.append(record)
                }
            }
        }
        return CodeReport(records: records)
    }

    @Test("is one self-contained page with the summary, chart, matrix and differing panels")
    func sections() {
        let html = HTMLReport(report: Self.largeReport(), statements: ["p1": "Given <N> numbers & more"]).render()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for part in ["<h2>Summary</h2>", "<svg class=chart", "Is the difference real?", "<table class=matrix>",
                     "Where they differ", "<details>", "Given &lt;N&gt; numbers &amp; more", "<h3>Verdicts</h3>"] {
            #expect(html.contains(part), "missing \(part)")
        }
        #expect(!html.contains("http://") && !html.contains("https://"), "the page must not load anything")
        #expect(!html.contains("<script>alert(1)</script>"), "model code must be escaped")
        #expect(html.utf8.count < 3_000_000, "\(html.utf8.count) bytes")
    }
}
