import Foundation
import Judge

/// A self-contained HTML page of a code report: inline CSS, inline SVG, a few lines of script
/// for sorting; no network. Statements (optional) give context in the "where they differ" panels.
public struct HTMLReport {
    public var report: CodeReport
    public var title: String
    /// Problem id → statement text, for the excerpts.
    public var statements: [String: String]
    /// How the run was made, shown under the title.
    public var facts: [RunFact]
    /// Text-metric tables, one per prediction set.
    public var textTables: [MetricTable]
    /// Every checkpoint on every task against each task's own checkpoint.
    public var interference: InterferenceTable?
    /// Pass@1 per problem release window (`proctor report --window`).
    public var releaseWindows: ReleaseWindows.Table?
    /// Pass@1 before and after each checkpoint's training cut-off (an evaluation's `trained_until`).
    public var cutoffs: ReleaseWindows.Cutoffs?

    public init(report: CodeReport, title: String = "Proctor report", statements: [String: String] = [:],
                facts: [RunFact] = [], textTables: [MetricTable] = [], interference: InterferenceTable? = nil) {
        self.report = report
        self.title = title
        self.statements = statements
        self.facts = facts
        self.textTables = textTables
        self.interference = interference
    }

    public func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>\(Self.style)</style></head><body>
            <h1>\(escape(title))</h1>
            <p class="meta">\(report.problemIDs.count) problems, \(report.checkpoints.count) checkpoints. \
            Intervals are 95%: Wilson with one sample per problem, a bootstrap over problems otherwise.</p>

            """
        html += factsSection()
        html += summarySection()
        html += chart()
        html += windowsSection()
        html += cutoffsSection()
        html += comparisonSection()
        html += matrixSection()
        html += differingSection()
        html += resourcesSection()
        html += textSection()
        html += interferenceSection()
        html += "<script>\(Self.script)</script></body></html>\n"
        return html
    }

    private func summarySection() -> String {
        let ks = Set(report.summaries.flatMap { $0.passAtK.keys }).compactMap(Int.init).filter { $0 > 1 }.sorted()
        var rows = ""
        for s in report.summaries {
            rows += "<tr><td>\(escape(s.checkpoint))</td><td class=num>\(percent(s.passAt1))</td>"
                + "<td>[\(percent(s.interval.lower)), \(percent(s.interval.upper))]</td>"
                + ks.map { "<td class=num>\(s.passAtK[String($0)].map(percent) ?? "–")</td>" }.joined()
                + "<td class=num>\(s.solved)/\(s.problems)</td><td class=num>\(s.samples)</td>"
                + "<td class=num>\(s.noCode)</td><td class=num>\(s.harnessErrors)</td></tr>\n"
        }
        return """
            <h2>Summary</h2>
            <table><thead><tr><th>checkpoint</th><th>Pass@1</th><th>95% CI</th>\
            \(ks.map { "<th>pass@\($0)</th>" }.joined())<th>solved</th><th>samples</th><th title="samples with no code (NC): counted as failures">no code</th>\
            <th>harness errors</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(verdictTable())
            """
    }

    /// Samples per verdict and checkpoint: how the failures changed even where Pass@1 did not.
    private func verdictTable() -> String {
        let columns = report.occurringVerdicts
        guard !columns.isEmpty else { return "" }
        var rows = ""
        for checkpoint in report.checkpoints {
            let totals = report.verdictTotals(checkpoint)
            rows += "<tr><td>\(escape(checkpoint))</td>"
                + columns.map { "<td class=num>\(totals[$0] ?? 0)</td>" }.joined() + "</tr>\n"
        }
        let head = columns.map { "<th>\(Self.verdictBadge($0))</th>" }.joined()
        return """
            <h3>Verdicts</h3>
            <p class=meta>Samples per verdict, over every problem.</p>
            <table><thead><tr><th>checkpoint</th>\(head)</tr></thead><tbody>\(rows)</tbody></table>
            <p class=meta>\(escape(CodeReport.legend(columns)))</p>

            """
    }

    /// Horizontal bars of Pass@1 with the interval as an error bar.
    private func chart() -> String {
        let rowHeight = 34.0
        let left = 170.0
        let width = 560.0
        let height = Double(report.summaries.count) * rowHeight + 30
        // The right margin holds the value printed after an interval that reaches 100%.
        var svg = "<svg class=chart viewBox=\"0 0 \(Int(left + width + 70)) \(Int(height))\" role=img "
            + "aria-label=\"Pass@1 per checkpoint with 95% intervals\">"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let x = left + tick * width
            svg += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(height - 20)\" class=grid />"
                + "<text x=\"\(x)\" y=\"\(height - 6)\" class=tick>\(Int(tick * 100))%</text>"
        }
        for (index, s) in report.summaries.enumerated() {
            let y = Double(index) * rowHeight + 6
            let barWidth = s.passAt1 * width
            let low = left + s.interval.lower * width
            let high = left + s.interval.upper * width
            let middle = y + 11
            svg += "<text x=\"\(left - 8)\" y=\"\(middle + 4)\" class=label>\(escape(s.checkpoint))</text>"
                + "<rect x=\"\(left)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"22\" class=bar fill=\"\(Self.palette[index % Self.palette.count])\"><title>"
                + "\(escape(s.checkpoint)): \(percent(s.passAt1)) [\(percent(s.interval.lower)), \(percent(s.interval.upper))]</title></rect>"
                + "<line x1=\"\(low)\" y1=\"\(middle)\" x2=\"\(high)\" y2=\"\(middle)\" class=err />"
                + "<line x1=\"\(low)\" y1=\"\(middle - 6)\" x2=\"\(low)\" y2=\"\(middle + 6)\" class=err />"
                + "<line x1=\"\(high)\" y1=\"\(middle - 6)\" x2=\"\(high)\" y2=\"\(middle + 6)\" class=err />"
                + "<text x=\"\(high + 6)\" y=\"\(middle + 4)\" class=value>\(percent(s.passAt1))</text>"
        }
        return "<h2>Pass@1 with 95% intervals</h2>\n" + svg + "</svg>\n"
    }

    private func comparisonSection() -> String {
        guard !report.comparisons.isEmpty else { return "" }
        let items = report.comparisons.map { "<li>\(escape(report.verdictSentence($0)))</li>" }.joined()
        var rows = ""
        for c in report.comparisons {
            let interval = c.interval.map { "[\(signedPercent($0.lower)), \(signedPercent($0.upper))]" } ?? "–"
            rows += "<tr><td>\(escape(c.candidate)) vs \(escape(c.baseline))</td><td class=num>\(signedPercent(c.difference))</td>"
                + "<td>\(interval)</td><td class=num>\(String(format: "%.4f", c.pValue))</td><td>\(escape(c.method))</td>"
                + "<td class=num>\(c.onlyBaseline)</td><td class=num>\(c.onlyCandidate)</td></tr>\n"
        }
        return """
            <h2>Is the difference real?</h2>
            <table><thead><tr><th>candidate vs baseline</th><th>Δ Pass@1</th><th>95% CI</th><th>p-value</th><th>test</th>\
            <th>only baseline solved</th><th>only candidate solved</th></tr></thead><tbody>\(rows)</tbody></table>
            <ul class=verdicts>\(items)</ul>

            """
    }

    private func windowsSection() -> String {
        guard let table = releaseWindows, !table.rows.isEmpty else { return "" }
        let rows = table.rows.map { row in
            "<tr><td>\(escape(row.window))</td><td class=num>\(row.problems)</td>"
                + row.cells.map { "<td class=num>\(escape($0))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
            <h2>Pass@1 by release window (\(table.period.rawValue))</h2>
            <p class=meta>Problems grouped by release date: compare a checkpoint on problems published after its training data ends.</p>
            <table><thead><tr><th>window</th><th>problems</th>\(table.checkpoints.map { "<th>\(escape($0))</th>" }.joined())</tr></thead>
            <tbody>\(rows)</tbody></table>

            """
    }

    private func cutoffsSection() -> String {
        guard let table = cutoffs, !table.rows.isEmpty else { return "" }
        let rows = table.rows.map { row in
            "<tr><td>\(escape(row.checkpoint))</td><td>\(escape(row.trainedUntil))</td><td class=num>\(row.seenProblems)</td>"
                + "<td class=num>\(escape(row.seen))</td><td class=num>\(row.unseenProblems)</td><td class=num>\(escape(row.unseen))</td></tr>"
        }.joined(separator: "\n")
        let undated = table.undatedProblems > 0 ? " \(table.undatedProblems) problems have no release date and are in neither column." : ""
        return """
            <h2>Pass@1 before and after each checkpoint's training cut-off</h2>
            <p class=meta>Problems released after a checkpoint's trained_until cannot be in its training data.\(undated)</p>
            <table><thead><tr><th>checkpoint</th><th>trained until</th><th>released by then</th><th>Pass@1</th>\
            <th>released after</th><th>Pass@1</th></tr></thead>
            <tbody>\(rows)</tbody></table>

            """
    }

    private func factsSection() -> String {
        guard !facts.isEmpty else { return "" }
        let rows = facts.map { "<tr><th>\(escape($0.name))</th><td>\(escape($0.value))</td></tr>" }.joined(separator: "\n")
        return "<table class=facts>\(rows)</table>\n"
    }

    private func resourcesSection() -> String {
        guard report.resources.contains(where: { $0.testRuns > 0 }) else { return "" }
        var rows = ""
        for r in report.resources {
            rows += "<tr><td>\(escape(r.checkpoint))</td><td class=num>\(r.testRuns)</td>"
                + "<td class=num>\(String(format: "%.3f", r.medianCPUSeconds))</td>"
                + "<td class=num>\(String(format: "%.3f", r.slowestCPUSeconds))</td><td>\(escape(r.slowestProblem ?? "–"))</td>"
                + "<td class=num>\(mebibytes(r.medianPeakResidentBytes))</td><td class=num>\(mebibytes(r.peakResidentBytes))</td>"
                + "<td>\(escape(r.peakProblem ?? "–"))</td></tr>\n"
        }
        return """
            <h2>Time and memory per test</h2>
            <p class=meta>Per test run of the judged programs; per problem and checkpoint in the matrix's tooltips.</p>
            <table><thead><tr><th>checkpoint</th><th>test runs</th><th>median CPU s</th><th>slowest CPU s</th><th>on</th>\
            <th>median peak MiB</th><th>peak MiB</th><th>on</th></tr></thead><tbody>\(rows)</tbody></table>

            """
    }

    private func textSection() -> String {
        guard !textTables.isEmpty else { return "" }
        var html = "<h2>Text metrics</h2>\n"
        for table in textTables {
            html += "<h3>\(escape(table.title))</h3><table><thead><tr><th>checkpoint</th><th>items</th>"
                + table.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            for row in table.rows {
                html += "<tr><td>\(escape(row.checkpoint))</td><td class=num>\(row.items)</td>"
                    + row.values.map { "<td class=num>\($0.map { String(format: "%.4f", $0) } ?? "–")</td>" }.joined()
                    + "</tr>"
            }
            html += "</tbody></table>\n"
            if !table.comparisons.isEmpty {
                html += "<ul class=verdicts>" + table.comparisons.map { "<li>\(escape($0.sentence))</li>" }.joined() + "</ul>\n"
            }
        }
        return html
    }

    /// Rows are checkpoints, columns tasks; the own cell is outlined, drops red and gains green.
    private func interferenceSection() -> String {
        guard let table = interference else { return "" }
        var rows = ""
        for row in table.rows {
            rows += "<tr><td>\(escape(row.checkpoint))</td>"
            for cell in row.cells {
                guard let cell else {
                    rows += "<td class=num>–</td>"
                    continue
                }
                let score = escape(InterferenceTable.scoreText(cell.score))
                if cell.isOwn {
                    rows += "<td class=\"num own\" title=\"the task's own checkpoint\"><b>\(score)</b> <span class=meta>own</span></td>"
                    continue
                }
                let change = cell.change ?? 0
                let tone = cell.change == nil || abs(change) < 0.0005 ? "" : (change < 0 ? " drop" : " gain")
                rows += "<td class=\"num\(tone)\">\(score)<br><span class=change>\(escape(InterferenceTable.changeText(cell)))</span></td>"
            }
            rows += "</tr>\n"
        }
        let head = table.tasks.map { "<th>\(escape($0.name))<br><span class=meta>\(escape($0.metric)); own: \(escape($0.own))</span></th>" }
        return """
            <h2>Interference</h2>
            <p class=meta>\(escape(InterferenceTable.explanation))</p>
            <table class=interference><thead><tr><th>checkpoint</th>\(head.joined())</tr></thead>
            <tbody>\(rows)</tbody></table>

            """
    }

    private func matrixSection() -> String {
        var head = "<th data-sort=text>problem</th>"
        for checkpoint in report.checkpoints { head += "<th data-sort=num>\(escape(checkpoint))</th>" }
        head += "<th data-sort=num>slowest CPU s</th><th data-sort=num>peak MiB</th>"
        var rows = ""
        for id in report.problemIDs {
            var row = "<tr><td>\(escape(id))</td>"
            var slowest = 0.0
            var peak = 0
            for checkpoint in report.checkpoints {
                guard let cell = report.matrix[id]?[checkpoint] else {
                    row += "<td data-value=-1>–</td>"
                    continue
                }
                slowest = max(slowest, cell.slowestCPUSeconds)
                peak = max(peak, cell.peakResidentBytes)
                let dominant = cell.dominantVerdict ?? "AC"
                let mix = cell.verdicts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    + String(format: "; slowest test %.3f s CPU, peak %.1f MiB", cell.slowestCPUSeconds,
                             Double(cell.peakResidentBytes) / 1_048_576)
                let verdictClass = cell.correct == cell.samples ? "AC" : dominant
                row += "<td class=\"v v\(verdictClass)\" data-value=\"\(cell.rate)\" title=\"\(escape(mix))\">"
                    + "\(cell.correct)/\(cell.samples)</td>"
            }
            row += "<td class=num data-value=\"\(slowest)\">\(String(format: "%.2f", slowest))</td>"
                + "<td class=num data-value=\"\(peak)\">\(String(format: "%.1f", Double(peak) / 1_048_576))</td></tr>\n"
            rows += row
        }
        let legend = CodeReport.verdictOrder.map(Self.verdictBadge).joined(separator: " ")
        return """
            <h2>Per problem</h2>
            <p class=meta>Cells show correct/samples, coloured by the most common verdict; hover for the mix. \
            Click a header to sort. \(legend)</p>
            <table class=matrix><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table>

            """
    }

    private func differingSection() -> String {
        guard report.checkpoints.count > 1 else { return "" }
        var html = "<h2>Where they differ (\(report.differing.count) problems)</h2>\n"
        if report.differing.isEmpty { html += "<p class=meta>The checkpoints have the same pass rate on every problem.</p>\n" }
        // The first panels start open, so the page shows code side by side without a click.
        for (position, id) in report.differing.enumerated() { html += panel(id, open: position < 5) }
        let sameRate = report.verdictDiffering
        if !sameRate.isEmpty {
            let shown = sameRate.prefix(Self.verdictPanelLimit)
            html += "<h3>Same pass rate, different verdicts (\(sameRate.count) problems)</h3>\n"
                + "<p class=meta>The most common verdict differs; each checkpoint's code for it"
                + (sameRate.count > shown.count ? ", for the first \(shown.count)" : "") + ".</p>\n"
            let opened = max(0, 5 - report.differing.count)
            for (position, id) in shown.enumerated() { html += panel(id, open: position < opened) }
        }
        return html
    }

    /// A verdict's coloured abbreviation, its meaning on hover.
    static func verdictBadge(_ verdict: String) -> String {
        let meaning = Verdict(rawValue: verdict)?.meaning ?? verdict
        return "<span class=\"v v\(verdict)\" title=\"\(escape(meaning))\">\(verdict)</span>"
    }

    /// Panels shown for problems that differ only in verdicts (they can be most of a run).
    static let verdictPanelLimit = 20

    /// One problem: the statement's opening and each checkpoint's representative code and verdict.
    private func panel(_ id: String, open: Bool) -> String {
        var html = "<details\(open ? " open" : "")><summary>\(escape(id)) — "
            + report.checkpoints.map { checkpoint in
                let cell = report.matrix[id]?[checkpoint]
                return "\(escape(checkpoint)) \(cell.map { "\($0.correct)/\($0.samples)" } ?? "–")"
            }.joined(separator: ", ")
            + "</summary>"
        if let statement = statements[id] {
            html += "<blockquote>\(escape(String(statement.prefix(600))))\(statement.count > 600 ? "…" : "")</blockquote>"
        }
        html += "<div class=panels>"
        for checkpoint in report.checkpoints {
            guard let cell = report.matrix[id]?[checkpoint] else { continue }
            let verdict = cell.exampleVerdict ?? ""
            let code = cell.exampleCode ?? ""
            html += "<div class=panel><h3>\(escape(checkpoint)) \(Self.verdictBadge(verdict))</h3>"
                + (CandidateOutcome.isNoCode(code) ? "<p class=meta>(no code was extracted from the output)</p>"
                    : "<pre>\(escape(code))</pre>") + "</div>"
        }
        return html + "</div></details>\n"
    }

    static let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f"]

    static let style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222}
        h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
        table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.25rem .5rem}
        th{background:#f4f4f4;cursor:pointer}.num{text-align:right}.meta{color:#555}
        .chart{width:100%;max-width:760px}.grid{stroke:#eee}.tick{font-size:11px;fill:#777;text-anchor:middle}
        .label{font-size:13px;text-anchor:end}.value{font-size:12px}.err{stroke:#222;stroke-width:1.5}
        .v{text-align:center;border-radius:3px;padding:0 .3rem}.vAC{background:#cdeccd}.vWA{background:#f6c6c6}
        .vTLE{background:#fbdcaa}.vMLE{background:#e2c9f0}.vRE{background:#f3b0b0}.vOLE{background:#f0e0a0}
        .vCE{background:#d9d9d9}.vNC{background:#fff;outline:1px dashed #888;outline-offset:-1px}
        .vSV{background:#222;color:#fff}.vIE{background:#bcd4f2}
        details{margin:.5rem 0;border:1px solid #ddd;border-radius:4px;padding:.4rem .6rem}
        summary{cursor:pointer;font-weight:600}blockquote{color:#444;white-space:pre-wrap;margin:.5rem 0;
        border-left:3px solid #ccc;padding-left:.6rem}.panels{display:flex;gap:.6rem;flex-wrap:wrap}
        .facts th{text-align:left;cursor:default;font-weight:600}.facts td{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}
        .interference td.own{outline:2px solid #4e79a7;outline-offset:-2px}.interference .drop{background:#fbe3e3}
        .interference .gain{background:#e3f4e3}.change{font-size:12px;color:#444}
        .panel{flex:1 1 300px;min-width:0}.panel pre{background:#f8f8f8;padding:.5rem;overflow:auto;max-height:360px;font-size:12px}
        """

    static let script = """
        document.querySelectorAll('table.matrix thead th').forEach(function(th, column){
          th.addEventListener('click', function(){
            var body = th.closest('table').tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            var numeric = th.dataset.sort === 'num';
            var ascending = th.dataset.order !== 'asc';
            th.dataset.order = ascending ? 'asc' : 'desc';
            rows.sort(function(a, b){
              var x = a.cells[column], y = b.cells[column];
              var p = numeric ? parseFloat(x.dataset.value) : x.textContent;
              var q = numeric ? parseFloat(y.dataset.value) : y.textContent;
              return (p < q ? -1 : p > q ? 1 : 0) * (ascending ? 1 : -1);
            });
            rows.forEach(function(row){ body.appendChild(row); });
          });
        });
        """
}

/// Text made safe for HTML element content and attribute values.
func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}
