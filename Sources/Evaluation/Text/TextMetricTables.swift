import JSONLines
import Metrics
import Reports
import TextScoring

/// Scores a run's text predictions (as `proctor score-text` does) into report tables: one row
/// per checkpoint, and each checkpoint's paired bootstrap difference from the first one; and
/// each checkpoint's headline score for the interference table.
public enum TextMetricTables {
    /// One prediction set scored: its table and, per checkpoint label, its headline score.
    public struct Scored: Sendable {
        public var table: MetricTable
        /// The headline metric's name (`headlineMetric(_:)`).
        public var metric: String
        public var headline: [String: InterferenceTable.Score]
    }

    /// The metric that stands for a task in the interference table: qa → token F1 (the
    /// profile's), gsm8k → strict-match accuracy (lm-evaluation-harness's `#### N` answer, the
    /// format a GSM8K-trained adapter learns), mc → accuracy, classification → macro-F1 (it
    /// punishes collapsing onto one label, a typical symptom of interference, where accuracy
    /// on a balanced set hides less).
    public static func headlineMetric(_ task: TextScoringTask) -> String {
        switch task {
        case .qa: "F1"
        case .gsm8k: "Strict-match"
        case .mc: "Accuracy"
        case .classification: "Macro-F1"
        }
    }

    /// The table of one prediction set; checkpoints in `order`, those without a file left out.
    public static func table(_ set: TextPredictionSet, order: [String], field: String) throws -> MetricTable {
        try scored(set, order: order, field: field).table
    }

    /// The table of one prediction set and each checkpoint's headline score with its 95% interval:
    /// Wilson for a 0/1 per-item metric (accuracy), a bootstrap over items for token F1 (a mean)
    /// and macro-F1 (a statistic of the whole set).
    public static func scored(_ set: TextPredictionSet, order: [String], field: String) throws -> Scored {
        let task = TextScoringTask(rawValue: set.task)!
        let labels = order.filter { set.predictions[$0] != nil }
        let files: [PredictionFile]
        do {
            files = try labels.map { label throws(JSONLinesError) in
                try PredictionFile(path: set.predictions[label]!, goldField: set.goldField,
                                   predictionField: set.predictionField, gold: task.goldShape, skipInvalid: false)
            }
        } catch {
            throw EvaluationError("\(error)", field: field)
        }
        let bootstrap = PairedBootstrap()
        var columns: [String]
        var rows: [MetricTable.Row] = []
        var comparisons: [MetricTable.Comparison] = []
        var headline: [String: InterferenceTable.Score] = [:]
        do {
            if task == .qa {
                let profile = TextScoringProfile(rawValue: set.profile)!
                let scorer = TextAnswerScorer(profile: profile)
                columns = ["EM"] + (profile == .seed ? ["Relaxed"] : []) + ["F1", "ROUGE-L", "Acc@ROUGE-L"]
                // Scored one file at a time: a report of exactly two files would also compare them.
                let scored = try files.map { try TextScoringReport(files: [$0], scorer: scorer, bootstrap: bootstrap).files[0] }
                for (label, file) in zip(labels, scored) {
                    let row = file.table.overall
                    var values: [Double?] = [row?.exactMatch]
                    if profile == .seed { values.append(row?.relaxedMatch) }
                    values += [row?.tokenF1, row?.rouge, row?.accuracyAtRouge]
                    rows.append(MetricTable.Row(checkpoint: label, items: row?.count ?? 0, values: values))
                    if let row {
                        headline[label] = InterferenceTable.Score(row.tokenF1, interval: bootstrapMeanInterval(file.scores.map(\.tokenF1)))
                    }
                }
                for (offset, label) in labels.enumerated().dropFirst() {
                    let pair = try TextScoringReport(files: [files[0], files[offset]], scorer: scorer, bootstrap: bootstrap)
                    comparisons += pair.comparisons.map { comparison(labels[0], label, $0) }
                }
            } else {
                columns = task.metrics.map(\.name)
                let scored = try files.map { try AnswerTaskReport(task: task, files: [$0], bootstrap: bootstrap).files[0] }
                for (label, file) in zip(labels, scored) {
                    rows.append(MetricTable.Row(checkpoint: label, items: file.items.count,
                                                values: file.values ?? Array(repeating: nil, count: columns.count)))
                    headline[label] = headlineScore(file, task: task)
                }
                for (offset, label) in labels.enumerated().dropFirst() {
                    let pair = try AnswerTaskReport(task: task, files: [files[0], files[offset]], bootstrap: bootstrap)
                    comparisons += pair.comparisons.map { comparison(labels[0], label, $0) }
                }
            }
        } catch {
            throw EvaluationError("\(error)", field: field)
        }
        let title = set.name + (task == .qa ? " (\(set.task), \(set.profile) profile)" : " (\(set.task))")
        return Scored(table: MetricTable(title: title, columns: columns, rows: rows, comparisons: comparisons),
                      metric: headlineMetric(task), headline: headline)
    }

    /// The headline score of a gsm8k, mc or classification file; nil without items.
    private static func headlineScore(_ file: AnswerTaskScoredFile, task: TextScoringTask) -> InterferenceTable.Score? {
        guard let values = file.values, let column = task.metrics.firstIndex(where: { $0.name == headlineMetric(task) }) else {
            return nil
        }
        if let hit = task.metrics[column].itemHit {
            let successes = file.items.filter { $0.hits[hit] == 1 }.count
            return InterferenceTable.Score(values[column], interval: wilsonInterval(successes: successes, trials: file.items.count))
        }
        let labels = EncodedLabels(gold: file.file.items.map { $0.golds[0] }, predicted: file.file.items.map(\.prediction))
        return InterferenceTable.Score(values[column], interval: bootstrapStatisticInterval(itemCount: file.items.count) {
            labels.macroF1(items: $0)
        })
    }

    private static func comparison(_ baseline: String, _ candidate: String, _ metric: MetricComparison) -> MetricTable.Comparison {
        MetricTable.Comparison(
            candidate: candidate, baseline: baseline, metric: metric.metric, difference: metric.difference.difference,
            lower: metric.difference.lower, upper: metric.difference.upper,
            sentence: ComparisonVerdict.sentence(metric: metric.metric, baseline: baseline, candidate: candidate,
                                                 difference: metric.difference))
    }
}
