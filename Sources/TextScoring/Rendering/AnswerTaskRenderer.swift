import Metrics

/// Renders an `AnswerTaskReport`: one row per file with the task's metrics, the paired
/// comparison when there is one, and for classification each file's confusion matrix.
public enum AnswerTaskRenderer {
    /// The report in `format`.
    public static func render(_ report: AnswerTaskReport, as format: ReportFormat) -> String {
        switch format {
        case .md: return markdown(report)
        case .csv: return csv(report)
        case .json: return json(report)
        }
    }

    private static func cells(_ file: AnswerTaskScoredFile, _ report: AnswerTaskReport) -> [String] {
        let values = file.values.map { $0.map { ReportRenderer.number($0) } }
            ?? Array(repeating: "-", count: report.task.metrics.count)
        return [file.file.path, String(file.items.count)] + values
    }

    private static func markdown(_ report: AnswerTaskReport) -> String {
        let header = ["File", "Items"] + report.task.metrics.map(\.name)
        var table = ["| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
        table += report.files.map { "| " + cells($0, report).joined(separator: " | ") + " |" }
        var parts = ["Task: \(report.task.rawValue)", table.joined(separator: "\n")]
        if report.files.contains(where: { !$0.file.skipped.isEmpty }) {
            parts.append(report.files.map { "\($0.file.path): \($0.file.skipped.count) invalid lines skipped" }
                .joined(separator: "\n"))
        }
        if !report.comparisons.isEmpty { parts.append(ReportRenderer.markdownComparisons(report.comparisons)) }
        for file in report.files {
            guard let classification = file.classification else { continue }
            var lines = ["### Confusion matrix: \(file.file.path) (rows gold, columns predicted)", "",
                         "| gold \\ predicted | " + classification.labels.map(markdownCell).joined(separator: " | ") + " |",
                         "|---|" + classification.labels.map { _ in "---" }.joined(separator: "|") + "|"]
            for (label, row) in zip(classification.labels, classification.confusion) {
                lines.append("| \(markdownCell(label)) | " + row.map(String.init).joined(separator: " | ") + " |")
            }
            parts.append(lines.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private static func csv(_ report: AnswerTaskReport) -> String {
        var lines = [(["File", "Items"] + report.task.metrics.map(\.name)).map(ReportRenderer.csvField).joined(separator: ",")]
        lines += report.files.map { cells($0, report).map(ReportRenderer.csvField).joined(separator: ",") }
        if !report.comparisons.isEmpty {
            lines.append("")
            lines += ReportRenderer.csvComparisons(report.comparisons)
        }
        for file in report.files {
            guard let classification = file.classification else { continue }
            lines.append("")
            lines.append((["Confusion matrix", file.file.path]).map(ReportRenderer.csvField).joined(separator: ","))
            lines.append((["gold \\ predicted"] + classification.labels).map(ReportRenderer.csvField).joined(separator: ","))
            for (label, row) in zip(classification.labels, classification.confusion) {
                lines.append(([ReportRenderer.csvField(label)] + row.map(String.init)).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func json(_ report: AnswerTaskReport) -> String {
        let files = report.files.map { "    " + jsonFile($0, report) }
        return """
            {
              "task": "\(report.task.rawValue)",
              "files": \(ReportRenderer.jsonArray(files)),
              "comparisons": \(ReportRenderer.jsonArray(ReportRenderer.jsonComparisons(report.comparisons)))
            }

            """
    }

    private static func jsonFile(_ file: AnswerTaskScoredFile, _ report: AnswerTaskReport) -> String {
        var fields = ["\"file\": \(jsonString(file.file.path))", "\"items\": \(file.items.count)",
                      "\"skippedLines\": \(file.file.skipped.count)"]
        for (index, metric) in report.task.metrics.enumerated() {
            let value: String = file.values.map { values in String(values[index]) } ?? "null"
            fields.append("\"\(metric.key)\": \(value)")
        }
        if let classification = file.classification {
            let labels: [String] = classification.labels.map { jsonString($0) }
            let perLabelF1: [String] = classification.perLabelF1.map { String($0) }
            let rows: [String] = classification.confusion.map { row in
                "[" + row.map { String($0) }.joined(separator: ", ") + "]"
            }
            fields.append("\"labels\": [\(labels.joined(separator: ", "))]")
            fields.append("\"perLabelF1\": [\(perLabelF1.joined(separator: ", "))]")
            fields.append("\"confusion\": [\(rows.joined(separator: ", "))]")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private static func markdownCell(_ text: String) -> String {
        text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
