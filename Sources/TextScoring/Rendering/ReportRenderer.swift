import Metrics

/// Output formats for the report tables.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// GitHub Markdown tables.
    case md
    /// Comma-separated values with a header row.
    case csv
    /// One JSON document.
    case json
}

/// Renders a `TextScoringReport` as the study's tables: overall and short-answer subset, one
/// row per file, then the paired comparison when there is one.
public enum ReportRenderer {
    /// The report in `format`.
    public static func render(_ report: TextScoringReport, as format: ReportFormat) -> String {
        switch format {
        case .md: return markdown(report)
        case .csv: return csv(report)
        case .json: return json(report)
        }
    }

    private static func columns(_ report: TextScoringReport) -> [String] {
        let rouge = report.profile == .seed ? "ROUGE-L (avg F, Lsum)" : "ROUGE-L (avg F)"
        var names = ["File", "Items", "EM"]
        if report.profile == .seed { names.append("Relaxed") }
        return names + ["F1", rouge, "Acc@ROUGE-L>=\(number(report.thresholds.rougeThreshold, 2))"]
    }

    private static func cells(_ path: String, _ row: TextScoreRow?, _ report: TextScoringReport) -> [String] {
        guard let row else { return [path, "0"] + Array(repeating: "-", count: columns(report).count - 2) }
        var values = [path, String(row.count), number(row.exactMatch)]
        if report.profile == .seed { values.append(number(row.relaxedMatch ?? 0)) }
        return values + [number(row.tokenF1), number(row.rouge), number(row.accuracyAtRouge)]
    }

    private static func markdown(_ report: TextScoringReport) -> String {
        let header = columns(report)
        func table(_ title: String, _ row: (ScoredFile) -> TextScoreRow?) -> String {
            var lines = ["### \(title)", "", "| " + header.joined(separator: " | ") + " |",
                         "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
            for file in report.files { lines.append("| " + cells(file.file.path, row(file), report).joined(separator: " | ") + " |") }
            return lines.joined(separator: "\n")
        }
        var parts = ["Profile: \(report.profile.rawValue)",
                     table("Overall", { $0.table.overall }),
                     table("Short-answer subset (gold <= \(report.thresholds.shortAnswerTokenLimit) tokens)",
                           { $0.table.shortAnswers })]
        let skipped = report.files.map { "\($0.file.path): \($0.file.skipped.count) invalid lines skipped" }
        if report.files.contains(where: { !$0.file.skipped.isEmpty }) { parts.append(skipped.joined(separator: "\n")) }
        if !report.comparisons.isEmpty { parts.append(markdownComparisons(report.comparisons)) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private static func csv(_ report: TextScoringReport) -> String {
        var lines = [(["Subset"] + columns(report)).map(csvField).joined(separator: ",")]
        for file in report.files {
            lines.append((["overall"] + cells(file.file.path, file.table.overall, report)).map(csvField).joined(separator: ","))
            lines.append((["short"] + cells(file.file.path, file.table.shortAnswers, report)).map(csvField).joined(separator: ","))
        }
        if !report.comparisons.isEmpty {
            lines.append("")
            lines += csvComparisons(report.comparisons)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func json(_ report: TextScoringReport) -> String {
        func row(_ row: TextScoreRow?) -> String {
            guard let row else { return "null" }
            var fields = ["\"count\": \(row.count)", "\"em\": \(row.exactMatch)"]
            if let relaxed = row.relaxedMatch { fields.append("\"relaxed\": \(relaxed)") }
            fields += ["\"f1\": \(row.tokenF1)", "\"rouge\": \(row.rouge)", "\"accAtRouge\": \(row.accuracyAtRouge)"]
            return "{" + fields.joined(separator: ", ") + "}"
        }
        let files = report.files.map { file in
            "    {\"file\": \(jsonString(file.file.path)), \"skippedLines\": \(file.file.skipped.count), "
                + "\"overall\": \(row(file.table.overall)), \"short\": \(row(file.table.shortAnswers))}"
        }
        return """
            {
              "profile": "\(report.profile.rawValue)",
              "shortAnswerTokenLimit": \(report.thresholds.shortAnswerTokenLimit),
              "rougeThreshold": \(report.thresholds.rougeThreshold),
              "files": \(jsonArray(files)),
              "comparisons": \(jsonArray(jsonComparisons(report.comparisons)))
            }

            """
    }

    /// The paired-difference table in Markdown.
    static func markdownComparisons(_ comparisons: [MetricComparison]) -> String {
        var lines = ["### Paired difference (second file minus first, bootstrap CI)", "",
                     "| Metric | Difference | CI low | CI high | Verdict |", "|---|---|---|---|---|"]
        for comparison in comparisons {
            lines.append("| \(comparison.metric) | \(signed(comparison.difference.difference)) | "
                         + "\(signed(comparison.difference.lower)) | \(signed(comparison.difference.upper)) | "
                         + "\(comparison.verdict) |")
        }
        return lines.joined(separator: "\n")
    }

    /// The paired-difference rows in CSV, header first.
    static func csvComparisons(_ comparisons: [MetricComparison]) -> [String] {
        ["Metric,Difference,CI low,CI high,Significant,Verdict"] + comparisons.map { comparison in
            let difference = comparison.difference
            return [comparison.metric, String(difference.difference), String(difference.lower),
                    String(difference.upper), String(difference.isSignificant), comparison.verdict]
                .map(csvField).joined(separator: ",")
        }
    }

    /// One JSON object per comparison, indented for the report's "comparisons" array.
    static func jsonComparisons(_ comparisons: [MetricComparison]) -> [String] {
        comparisons.map { comparison in
            let difference = comparison.difference
            return "    {\"metric\": \(jsonString(comparison.metric)), \"difference\": \(difference.difference), "
                + "\"ciLow\": \(difference.lower), \"ciHigh\": \(difference.upper), \"confidence\": \(difference.confidence), "
                + "\"significant\": \(difference.isSignificant), \"verdict\": \(jsonString(comparison.verdict))}"
        }
    }

    /// A JSON array of already indented elements, one per line; `[]` when empty.
    static func jsonArray(_ elements: [String]) -> String {
        elements.isEmpty ? "[]" : "[\n" + elements.joined(separator: ",\n") + "\n  ]"
    }

    /// Four decimals, as the study prints.
    static func number(_ value: Double, _ decimals: Int = 4) -> String {
        ComparisonVerdict.fixed(value, decimals)
    }

    static func signed(_ value: Double) -> String {
        ComparisonVerdict.signed(value, 4)
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A JSON string literal for `text`.
func jsonString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
