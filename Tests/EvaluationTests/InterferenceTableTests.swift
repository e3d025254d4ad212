import Evaluation
import Foundation
import Judge
import Metrics
import Reports
import Testing
import TestSupport

@Suite("The interference table")
struct InterferenceTableTests {
    /// Three tasks, four checkpoints, scores chosen so every change is easy to check by hand.
    static func table() -> InterferenceTable {
        let tasks = [InterferenceTable.Task(name: "code", metric: "Pass@1", own: "coder"),
                     InterferenceTable.Task(name: "news", metric: "Macro-F1", own: "news"),
                     InterferenceTable.Task(name: "zero", metric: "Accuracy", own: "coder")]
        let interval = ConfidenceInterval(lower: 0.25, upper: 0.75, confidence: 0.95, method: "wilson")
        let scores: [String: [String: InterferenceTable.Score]] = [
            "code": ["coder": .init(0.5, interval: interval), "news": .init(0.25), "merged": .init(0.375), "base": .init(0.125)],
            "news": ["coder": .init(0.25), "news": .init(0.8), "merged": .init(0.6)],
            "zero": ["coder": .init(0), "news": .init(0.5)],
        ]
        return InterferenceTable(tasks: tasks, checkpoints: ["coder", "news", "merged", "base"], scores: scores)
    }

    @Test("each cell's change is its score minus the own checkpoint's, in points and relative to it")
    func changes() throws {
        let table = Self.table()
        #expect(table.rows.map(\.checkpoint) == ["coder", "news", "merged", "base"])
        func cell(_ row: Int, _ column: Int) throws -> InterferenceTable.Cell { try #require(table.rows[row].cells[column]) }
        // code, own coder = 0.5
        #expect(try cell(0, 0).isOwn && cell(0, 0).change == 0 && cell(0, 0).relativeChange == 0)
        #expect(try cell(1, 0).change == -0.25 && cell(1, 0).relativeChange == -0.5 && !cell(1, 0).isOwn)
        #expect(try cell(2, 0).change == -0.125 && cell(2, 0).relativeChange == -0.25)
        #expect(try cell(3, 0).change == -0.375 && cell(3, 0).relativeChange == -0.75)
        #expect(try cell(0, 0).score.interval?.lower == 0.25)
        // news, own news = 0.8
        #expect(try abs(cell(0, 1).change! - -0.55) < 1e-12 && abs(cell(0, 1).relativeChange! - -0.6875) < 1e-12)
        #expect(try cell(1, 1).isOwn && cell(1, 1).change == 0)
        #expect(try abs(cell(2, 1).change! - -0.2) < 1e-12 && abs(cell(2, 1).relativeChange! - -0.25) < 1e-12)
        #expect(table.rows[3].cells[1] == nil, "base has no news score")
        // zero, own coder = 0: a change in points, no relative change
        #expect(try cell(1, 2).change == 0.5 && cell(1, 2).relativeChange == nil)
        #expect(table.rows[2].cells[2] == nil)
    }

    @Test("Markdown, HTML and JSON carry the table: own cells marked, changes in pp and %, missing cells as –")
    func rendered() throws {
        let table = Self.table()
        let report = RunReport(title: "Proctor evaluation", facts: [], code: CodeReport(records: []), interference: table)
        let markdown = report.markdown()
        for part in ["## Interference", InterferenceTable.explanation,
                     "| checkpoint | code (Pass@1; own: coder) | news (Macro-F1; own: news) | zero (Accuracy; own: coder) |",
                     "| coder | **50.0% [25.0%, 75.0%]** (own) | 25.0%; -55.0 pp (-68.8%) | **0.0%** (own) |",
                     "| news | 25.0%; -25.0 pp (-50.0%) | **80.0%** (own) | 50.0%; +50.0 pp |",
                     "| merged | 37.5%; -12.5 pp (-25.0%) | 60.0%; -20.0 pp (-25.0%) | – |",
                     "| base | 12.5%; -37.5 pp (-75.0%) | – | – |"] {
            #expect(markdown.contains(part), "Markdown is missing \(part):\n\(markdown)")
        }
        let html = report.html()
        for part in ["<h2>Interference</h2>", "<table class=interference>", "<td class=\"num own\"",
                     "<td class=\"num drop\">37.5%<br><span class=change>-12.5 pp (-25.0%)</span></td>",
                     "<td class=\"num gain\">50.0%<br><span class=change>+50.0 pp</span></td>"] {
            #expect(html.contains(part), "HTML is missing \(part)")
        }
        #expect(!html.contains("http://") && !html.contains("https://"), "the page must load nothing")
        let json = try report.json()
        #expect(json.contains("\"interference\" : {"))
        let decoded = try JSONDecoder().decode(RunReport.self, from: Data(json.utf8))
        #expect(decoded.interference == table)
        // A report without the table keeps its old JSON shape.
        let plain = RunReport(title: "t", facts: [], code: CodeReport(records: []))
        #expect(!(try plain.json()).contains("interference"))
        #expect(try JSONDecoder().decode(RunReport.self, from: Data(plain.json().utf8)).interference == nil)
    }

    @Test("a text set's headline is the documented column of its table, with an interval around it",
          arguments: [("classification", "classification_baseline.jsonl", "gold", "Macro-F1", "bootstrap"),
                      ("gsm8k", "gsm8k.jsonl", "answer", "Strict-match", "wilson"),
                      ("mc", "mc.jsonl", "gold", "Accuracy", "wilson"),
                      ("qa", "qa_baseline.jsonl", "gold", "F1", "bootstrap")])
    func headline(task: String, file: String, goldField: String, metric: String, method: String) throws {
        let path = RepositoryPaths.path("Tests/ScoreTextTests/Fixtures/" + file)
        let set = TextPredictionSet(name: "set", task: task, goldField: goldField, predictions: ["a": path])
        let scored = try TextMetricTables.scored(set, order: ["a", "b"], field: "text[0]")
        #expect(scored.metric == metric)
        let column = try #require(scored.table.columns.firstIndex(of: metric))
        let score = try #require(scored.headline["a"])
        #expect(score.value == scored.table.rows[0].values[column])
        let interval = try #require(score.interval)
        #expect(interval.method == method)
        #expect(interval.lower <= score.value && score.value <= interval.upper && interval.lower < interval.upper)
        #expect(scored.headline["b"] == nil)
    }
}
