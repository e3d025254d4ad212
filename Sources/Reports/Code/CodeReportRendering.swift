import Foundation
import Metrics

/// The report as Markdown, CSV and JSON.
extension CodeReport {
    /// Markdown for a terminal or a pull request: summary, comparisons, where they differ, the matrix.
    public func markdown() -> String {
        var lines: [String] = ["## Summary", ""]
        let ks = Set(summaries.flatMap { $0.passAtK.keys }).compactMap(Int.init).filter { $0 > 1 }.sorted()
        var header = "| checkpoint | Pass@1 | 95% CI | solved | problems | samples |"
        var rule = "|---|---:|---|---:|---:|---:|"
        for k in ks {
            header += " pass@\(k) |"
            rule += "---:|"
        }
        lines += [header, rule]
        for summary in summaries {
            var row = "| \(summary.checkpoint) | \(percent(summary.passAt1)) | "
                + "[\(percent(summary.interval.lower)), \(percent(summary.interval.upper))] (\(summary.interval.method)) | "
                + "\(summary.solved) | \(summary.problems) | \(summary.samples) |"
            for k in ks { row += " \(summary.passAtK[String(k)].map(percent) ?? "–") |" }
            lines.append(row)
        }
        let errors = summaries.filter { $0.harnessErrors > 0 }
        if !errors.isEmpty {
            lines += ["", "Harness errors (left out of every number): "
                + errors.map { "\($0.checkpoint) \($0.harnessErrors)" }.joined(separator: ", ")]
        }
        let empty = summaries.filter { $0.noCode > 0 }
        if !empty.isEmpty {
            lines += ["", "No code (NC: nothing but whitespace or comments was extracted from the output, so nothing ran; "
                + "counted as failures): " + empty.map { "\($0.checkpoint) \($0.noCode) of \($0.samples) samples" }
                    .joined(separator: ", ")]
        }
        let columns = occurringVerdicts
        if !columns.isEmpty {
            lines += ["", "## Verdicts", "", "Samples per verdict, over every problem.", "",
                      "| checkpoint | " + columns.joined(separator: " | ") + " |",
                      "|---|" + String(repeating: "---:|", count: columns.count)]
            for checkpoint in checkpoints {
                let totals = verdictTotals(checkpoint)
                lines.append("| \(checkpoint) | " + columns.map { String(totals[$0] ?? 0) }.joined(separator: " | ") + " |")
            }
            lines += ["", Self.legend(columns)]
        }
        if !comparisons.isEmpty {
            lines += ["", "## Is the difference real?", "",
                      "| candidate vs baseline | Δ Pass@1 | 95% CI | p-value | test | only baseline solved | only candidate solved |",
                      "|---|---:|---|---:|---|---:|---:|"]
            for comparison in comparisons {
                let interval = comparison.interval.map { "[\(signedPercent($0.lower)), \(signedPercent($0.upper))]" } ?? "–"
                lines.append("| \(comparison.candidate) vs \(comparison.baseline) | \(signedPercent(comparison.difference)) | "
                    + "\(interval) | \(String(format: "%.4f", comparison.pValue)) | \(comparison.method) | "
                    + "\(comparison.onlyBaseline) | \(comparison.onlyCandidate) |")
            }
            lines.append("")
            for comparison in comparisons { lines.append("- " + verdictSentence(comparison)) }
        }
        if checkpoints.count > 1 {
            lines += ["", "## Where they differ (\(differing.count) of \(problemIDs.count) problems)", ""]
            lines += matrixTable(differing)
            let sameRate = verdictDiffering
            if !sameRate.isEmpty {
                lines += ["", "Same pass rate, different most common verdict: \(sameRate.count) problems ("
                    + sameRate.joined(separator: ", ") + ")."]
            }
        }
        lines += ["", "## Per problem", ""]
        lines += matrixTable(problemIDs)
        if resources.contains(where: { $0.testRuns > 0 }) {
            lines += ["", "## Time and memory per test", "",
                      "| checkpoint | test runs | median CPU s | slowest CPU s (problem) | median peak MiB | peak MiB (problem) |",
                      "|---|---:|---:|---|---:|---|"]
            for r in resources {
                lines.append("| \(r.checkpoint) | \(r.testRuns) | \(String(format: "%.3f", r.medianCPUSeconds)) | "
                    + "\(String(format: "%.3f", r.slowestCPUSeconds)) (\(r.slowestProblem ?? "–")) | "
                    + "\(mebibytes(r.medianPeakResidentBytes)) | \(mebibytes(r.peakResidentBytes)) (\(r.peakProblem ?? "–")) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func matrixTable(_ ids: [String]) -> [String] {
        guard !ids.isEmpty else { return ["(none)"] }
        var lines = ["| problem | " + checkpoints.joined(separator: " | ") + " |",
                     "|---|" + String(repeating: "---|", count: checkpoints.count)]
        for id in ids {
            let cells = checkpoints.map { checkpoint -> String in
                guard let cell = matrix[id]?[checkpoint] else { return "–" }
                let mix = cell.verdicts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                    .filter { $0.key != "AC" }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                return "\(cell.correct)/\(cell.samples)" + (mix.isEmpty ? "" : " (\(mix))")
            }
            lines.append("| \(id) | " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// One sentence a reader can act on.
    public func verdictSentence(_ comparison: CheckpointComparison) -> String {
        let direction = comparison.difference > 0 ? "better" : (comparison.difference < 0 ? "worse" : "no different")
        let significant = comparison.pValue < 0.05
        let strength = significant ? "significant at 5%" : "not significant"
        return "\(comparison.candidate) is \(direction) than \(comparison.baseline) on Pass@1: "
            + "\(signedPercent(comparison.difference)) over \(comparison.problems) problems, "
            + "p = \(String(format: "%.3g", comparison.pValue)) (\(comparison.method)), \(strength)."
            + sensitivitySentence(comparison)
    }

    /// What the design could have seen, so that "not significant" is read for what it is: for
    /// one sample per problem, the smallest difference the exact McNemar test detects (80%
    /// power, α = 0.05) at the observed share of problems only one checkpoint solved, and the
    /// number of problems the observed difference would need.
    func sensitivitySentence(_ comparison: CheckpointComparison) -> String {
        guard comparison.method == "exact McNemar" else { return "" }
        let discordant = comparison.onlyBaseline + comparison.onlyCandidate
        guard discordant > 0 else { return " Both solved exactly the same problems." }
        var sentence = " With \(discordant) of \(comparison.problems) problems solved by only one of the two, "
        if let smallest = comparison.minimumDetectableDifference {
            sentence += "this design detects (80% power, α = 0.05) only differences of at least "
                + String(format: "%.1f pp", 100 * smallest) + "."
        } else {
            // Even every split problem going one way is too rare an event to count on.
            let largest = Double(discordant) / Double(comparison.problems)
            sentence += "even the largest difference that split allows (" + String(format: "%.1f pp", 100 * largest)
                + ") would be detected less than 80% of the time (α = 0.05) on this many problems"
            if comparison.pValue < 0.05 {
                sentence += "; this one is significant because the split went one way, "
                    + "\(max(comparison.onlyBaseline, comparison.onlyCandidate)) to "
                    + "\(min(comparison.onlyBaseline, comparison.onlyCandidate))."
            } else {
                sentence += "."
            }
        }
        if comparison.pValue >= 0.05, comparison.difference != 0 {
            if let needed = comparison.problemsNeeded {
                sentence += " Detecting a true difference of \(signedPercent(comparison.difference)) would take about "
                    + "\(needed) problems."
            } else {
                sentence += " Detecting a true difference of \(signedPercent(comparison.difference)) would take more "
                    + "than 2,000 problems."
            }
        }
        return sentence
    }

    /// CSV: one row per problem and checkpoint.
    public func csv() -> String {
        var lines = ["problem_id,checkpoint,correct,samples,pass_rate,verdicts"]
        for id in problemIDs {
            for checkpoint in checkpoints {
                guard let cell = matrix[id]?[checkpoint] else { continue }
                let verdicts = cell.verdicts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                    .joined(separator: ";")
                lines.append("\(csvField(id)),\(csvField(checkpoint)),\(cell.correct),\(cell.samples),"
                    + "\(cell.rate),\(csvField(verdicts))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Summary CSV: one row per checkpoint.
    public func summaryCSV() -> String {
        var lines = ["checkpoint,pass_at_1,ci_lower,ci_upper,ci_method,solved,problems,samples,harness_errors,no_code"]
        for s in summaries {
            lines.append("\(csvField(s.checkpoint)),\(s.passAt1),\(s.interval.lower),\(s.interval.upper),"
                + "\(s.interval.method),\(s.solved),\(s.problems),\(s.samples),\(s.harnessErrors),\(s.noCode)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

func mebibytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }

func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

func signedPercent(_ value: Double) -> String { String(format: "%+.1f pp", value * 100) }

func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
