import JSONLines
import Metrics
import Reports
import TextScoring

/// Scores a run's text predictions (as `proctor score-text` does) into report tables: one row
/// per checkpoint, and each checkpoint's paired bootstrap difference from the first one.
public enum TextMetricTables {
    /// The table of one prediction set; checkpoints in `order`, those without a file left out.
    public static func table(_ set: TextPredictionSet, order: [String], field: String) throws -> MetricTable {
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
        return MetricTable(title: title, columns: columns, rows: rows, comparisons: comparisons)
    }

    private static func comparison(_ baseline: String, _ candidate: String, _ metric: MetricComparison) -> MetricTable.Comparison {
        MetricTable.Comparison(
            candidate: candidate, baseline: baseline, metric: metric.metric, difference: metric.difference.difference,
            lower: metric.difference.lower, upper: metric.difference.upper,
            sentence: ComparisonVerdict.sentence(metric: metric.metric, baseline: baseline, candidate: candidate,
                                                 difference: metric.difference))
    }
}
