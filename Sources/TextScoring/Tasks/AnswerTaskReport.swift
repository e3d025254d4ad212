import Metrics

/// The scores of one prediction file under an answer-checking task.
public struct AnswerTaskScoredFile: Sendable {
    /// The file read.
    public let file: PredictionFile
    /// Per-item outcomes, indexed like `file.items`.
    public let items: [AnswerTaskItem]
    /// One value per metric of the task, in its order; `nil` when the file has no items.
    public let values: [Double]?
    /// Labels, confusion matrix and per-label F1 (classification with at least one item).
    public let classification: ClassificationReport?
}

/// Scores every file under gsm8k, mc or classification and, for exactly two files of equal
/// length, compares them item by item with the paired bootstrap.
public struct AnswerTaskReport: Sendable {
    /// The task scored.
    public let task: TextScoringTask
    /// One entry per input file, in order.
    public let files: [AnswerTaskScoredFile]
    /// Paired comparisons, one per metric (empty unless two files were given).
    public let comparisons: [MetricComparison]

    /// Scores `files` under `task`; compares the first two with `bootstrap` when there are two.
    public init(task: TextScoringTask, files: [PredictionFile], bootstrap: PairedBootstrap) throws(TextScoringError) {
        precondition(task != .qa, "qa files are scored by TextScoringReport")
        self.task = task
        self.files = files.map { AnswerTaskReport.score($0, task: task) }
        guard self.files.count == 2 else {
            comparisons = []
            return
        }
        let baseline = self.files[0], candidate = self.files[1]
        guard baseline.items.count == candidate.items.count, !baseline.items.isEmpty else {
            throw .unpairedFiles(baseline.file.path, baseline.items.count, candidate.file.path, candidate.items.count)
        }
        comparisons = task.metrics.map { metric in
            let difference: MeanDifference
            if let hit = metric.itemHit {
                difference = bootstrap.meanDifference(a: baseline.items.map { $0.hits[hit] },
                                                      b: candidate.items.map { $0.hits[hit] })
            } else {
                let a = AnswerTaskReport.encodedLabels(baseline), b = AnswerTaskReport.encodedLabels(candidate)
                difference = bootstrap.statisticDifference(itemCount: baseline.items.count) { indices in
                    (a.macroF1(items: indices), b.macroF1(items: indices))
                }
            }
            return MetricComparison(
                metric: metric.name, difference: difference,
                verdict: ComparisonVerdict.sentence(metric: metric.name, baseline: baseline.file.path,
                                                    candidate: candidate.file.path, difference: difference))
        }
    }

    private static func score(_ file: PredictionFile, task: TextScoringTask) -> AnswerTaskScoredFile {
        let items = file.items.map { AnswerTaskScorer.score($0, task: task) }
        guard !items.isEmpty else {
            return AnswerTaskScoredFile(file: file, items: items, values: nil, classification: nil)
        }
        let classification = task == .classification
            ? ClassificationReport(gold: file.items.map { $0.golds[0] }, predicted: file.items.map(\.prediction))
            : nil
        let values = task.metrics.map { metric -> Double in
            if let hit = metric.itemHit {
                // Summed in input order, as the reference implementations do.
                return items.reduce(0) { $0 + $1.hits[hit] } / Double(items.count)
            }
            return classification!.macroF1
        }
        return AnswerTaskScoredFile(file: file, items: items, values: values, classification: classification)
    }

    private static func encodedLabels(_ file: AnswerTaskScoredFile) -> EncodedLabels {
        EncodedLabels(gold: file.file.items.map { $0.golds[0] }, predicted: file.file.items.map(\.prediction))
    }
}
