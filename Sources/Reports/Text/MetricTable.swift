/// A table of text metrics, one row per checkpoint, with each checkpoint's paired difference
/// from the baseline: the text-scoring section of a run report. Filled by whoever scored the
/// predictions (Evaluation, from TextScoring); Reports only lays it out.
public struct MetricTable: Sendable, Codable, Equatable {
    /// One checkpoint's scores.
    public struct Row: Sendable, Codable, Equatable {
        public var checkpoint: String
        public var items: Int
        /// One value per column, nil where there is none.
        public var values: [Double?]

        public init(checkpoint: String, items: Int, values: [Double?]) {
            self.checkpoint = checkpoint
            self.items = items
            self.values = values
        }
    }

    /// One metric's difference, candidate minus baseline, with its 95% paired bootstrap interval.
    public struct Comparison: Sendable, Codable, Equatable {
        public var candidate: String
        public var baseline: String
        public var metric: String
        public var difference: Double
        public var lower: Double
        public var upper: Double
        /// The verdict in words.
        public var sentence: String

        public init(candidate: String, baseline: String, metric: String, difference: Double, lower: Double,
                    upper: Double, sentence: String) {
            self.candidate = candidate
            self.baseline = baseline
            self.metric = metric
            self.difference = difference
            self.lower = lower
            self.upper = upper
            self.sentence = sentence
        }
    }

    /// E.g. "qa (seed profile)".
    public var title: String
    /// Metric names, e.g. ["EM", "F1", "ROUGE-L"].
    public var columns: [String]
    public var rows: [Row]
    public var comparisons: [Comparison]

    public init(title: String, columns: [String], rows: [Row], comparisons: [Comparison]) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.comparisons = comparisons
    }

    /// The table as Markdown.
    public func markdown() -> String {
        var lines = ["### \(title)", "", "| checkpoint | items | " + columns.joined(separator: " | ") + " |",
                     "|---|---:|" + String(repeating: "---:|", count: columns.count)]
        for row in rows {
            lines.append("| \(row.checkpoint) | \(row.items) | "
                + row.values.map { $0.map { String(format: "%.4f", $0) } ?? "–" }.joined(separator: " | ") + " |")
        }
        if !comparisons.isEmpty {
            lines += ["", "| candidate vs baseline | metric | Δ | 95% CI |", "|---|---|---:|---|"]
            for c in comparisons {
                lines.append("| \(c.candidate) vs \(c.baseline) | \(c.metric) | \(String(format: "%+.4f", c.difference)) | "
                    + "[\(String(format: "%+.4f", c.lower)), \(String(format: "%+.4f", c.upper))] |")
            }
            lines.append("")
            for c in comparisons { lines.append("- " + c.sentence) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
