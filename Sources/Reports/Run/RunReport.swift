import Foundation
import Judge

/// One name and value about how a run was made ("model", "n", "sandbox"), shown at the report's head.
public struct RunFact: Sendable, Codable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The report of a whole evaluation run: how it was made, the code report, the text-metric
/// tables and the interference table, as Markdown, JSON and one self-contained HTML page with
/// the same content.
public struct RunReport: Sendable, Codable {
    public var title: String
    public var facts: [RunFact]
    public var code: CodeReport
    public var text: [MetricTable]
    /// Every checkpoint on every task against each task's own checkpoint; nil when not asked for.
    public var interference: InterferenceTable?
    /// Pass@1 before and after each checkpoint's `trained_until`; nil when no checkpoint has one.
    public var cutoffs: ReleaseWindows.Cutoffs?
    /// Problem id → statement, for the excerpts (not part of the JSON).
    public var statements: [String: String]

    enum CodingKeys: String, CodingKey { case title, facts, code, text, interference, cutoffs }

    public init(title: String, facts: [RunFact], code: CodeReport, text: [MetricTable] = [],
                interference: InterferenceTable? = nil, cutoffs: ReleaseWindows.Cutoffs? = nil,
                statements: [String: String] = [:]) {
        self.cutoffs = cutoffs
        self.title = title
        self.facts = facts
        self.code = code
        self.text = text
        self.interference = interference
        self.statements = statements
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        facts = try container.decode([RunFact].self, forKey: .facts)
        code = try container.decode(CodeReport.self, forKey: .code)
        text = try container.decode([MetricTable].self, forKey: .text)
        interference = try container.decodeIfPresent(InterferenceTable.self, forKey: .interference)
        cutoffs = try container.decodeIfPresent(ReleaseWindows.Cutoffs.self, forKey: .cutoffs)
        statements = [:]
    }

    /// Markdown: facts, the code report (summary, comparisons, matrices, time and memory),
    /// the differing problems' code side by side (one after the other), the text tables and
    /// the interference table.
    public func markdown() -> String {
        var parts = ["# \(title)", facts.map { "- **\($0.name)**: \($0.value)" }.joined(separator: "\n"),
                     code.markdown().trimmingCharacters(in: .newlines)]
        if !code.differing.isEmpty { parts.append(differingCode(code.differing, title: "Where they differ: the code")) }
        let sameRate = code.verdictDiffering
        if !sameRate.isEmpty {
            let shown = Array(sameRate.prefix(HTMLReport.verdictPanelLimit))
            parts.append(differingCode(shown, title: "Same pass rate, different verdicts: the code ("
                + (shown.count < sameRate.count ? "first \(shown.count) of " : "") + "\(sameRate.count) problems)"))
        }
        if !text.isEmpty {
            parts.append("## Text metrics\n\n" + text.map { $0.markdown() }.joined(separator: "\n"))
        }
        if let cutoffs { parts.append(cutoffs.markdown().trimmingCharacters(in: .newlines)) }
        if let interference { parts.append(interference.markdown().trimmingCharacters(in: .newlines)) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Each of `ids`: the statement's opening and every checkpoint's representative code.
    private func differingCode(_ ids: [String], title: String) -> String {
        var lines = ["## \(title)"]
        for id in ids {
            lines += ["", "### \(id)", ""]
            if let statement = statements[id] {
                let excerpt = statement.prefix(300).split(separator: "\n", omittingEmptySubsequences: false)
                lines += excerpt.map { "> " + $0 }
                if statement.count > 300 { lines[lines.count - 1] += "…" }
                lines.append("")
            }
            for checkpoint in code.checkpoints {
                guard let cell = code.matrix[id]?[checkpoint] else { continue }
                lines.append("**\(checkpoint)** — \(cell.correct)/\(cell.samples) accepted; sample shown: "
                    + "\(cell.exampleVerdict ?? "–")")
                lines.append("")
                if CandidateOutcome.isNoCode(cell.exampleCode ?? "") {
                    lines += ["_(no code was extracted from the output)_", ""]
                    continue
                }
                let codeLines = (cell.exampleCode ?? "").split(separator: "\n", omittingEmptySubsequences: false)
                let shown = codeLines.prefix(60).joined(separator: "\n")
                let fence = shown.contains("```") ? "~~~~" : "```"
                let language = cell.exampleLanguage.flatMap(Language.named) ?? .python
                let comment = language == .python ? "#" : "//"
                lines += [fence + language.fenceName,
                          shown + (codeLines.count > 60 ? "\n\(comment) … \(codeLines.count - 60) more lines" : ""), fence, ""]
            }
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    /// JSON of everything but the statements.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The self-contained HTML page.
    public func html() -> String {
        var page = HTMLReport(report: code, title: title, statements: statements, facts: facts, textTables: text,
                              interference: interference)
        page.cutoffs = cutoffs
        return page.render()
    }
}
