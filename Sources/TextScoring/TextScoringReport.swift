import Metrics

/// The scores of one prediction file: per item and the study's table.
public struct ScoredFile: Sendable {
    /// The file read.
    public let file: PredictionFile
    /// Per-item scores, indexed like `file.items`.
    public let scores: [TextAnswerScores]
    /// Overall and short-answer rows.
    public let table: TextScoreTable
}

/// One metric's paired difference between the first file (baseline) and the second (candidate).
public struct MetricComparison: Sendable {
    /// The metric's display name.
    public let metric: String
    /// Candidate mean minus baseline mean, with its bootstrap interval.
    public let difference: MeanDifference
    /// The verdict sentence.
    public let verdict: String
}

/// Scores every file and, for exactly two files of equal length, compares them item by item.
public struct TextScoringReport: Sendable {
    /// The profile used.
    public let profile: TextScoringProfile
    /// The thresholds used.
    public let thresholds: StudyAnswerMetrics
    /// One entry per input file, in order.
    public let files: [ScoredFile]
    /// Paired comparisons (empty unless two files were given).
    public let comparisons: [MetricComparison]

    /// Scores `files` with `scorer`; compares the first two with `bootstrap` when there are two.
    public init(files: [PredictionFile], scorer: TextAnswerScorer, bootstrap: PairedBootstrap,
                workerCount: Int = RougeScorer.defaultWorkerCount) throws(TextScoringError) {
        profile = scorer.profile
        thresholds = scorer.thresholds
        self.files = files.map { file in
            let scores = scorer.score(items: file.items, workerCount: workerCount)
            return ScoredFile(file: file, scores: scores, table: TextScoreTable(scores: scores))
        }
        guard self.files.count == 2 else {
            comparisons = []
            return
        }
        let baseline = self.files[0], candidate = self.files[1]
        guard baseline.scores.count == candidate.scores.count, !baseline.scores.isEmpty else {
            throw .unpairedFiles(baseline.file.path, baseline.scores.count, candidate.file.path, candidate.scores.count)
        }
        var metrics: [(String, KeyPath<TextAnswerScores, Double>)] = [("EM", \.exactMatch)]
        if scorer.profile == .seed { metrics.append(("Relaxed", \.relaxedOrZero)) }
        metrics += [("F1", \.tokenF1), ("ROUGE-L", \.rouge), ("Acc@ROUGE-L", \.accuracyAtRouge)]
        let baselineName = baseline.file.path, candidateName = candidate.file.path
        comparisons = metrics.map { name, key in
            let difference = bootstrap.meanDifference(a: baseline.scores.map { $0[keyPath: key] },
                                                      b: candidate.scores.map { $0[keyPath: key] })
            return MetricComparison(metric: name, difference: difference,
                                    verdict: ComparisonVerdict.sentence(metric: name, baseline: baselineName,
                                                                        candidate: candidateName, difference: difference))
        }
    }
}

/// Why a scoring run cannot produce a report.
public enum TextScoringError: Error, CustomStringConvertible {
    /// Two files to compare do not have the same number of items.
    case unpairedFiles(String, Int, String, Int)

    /// A one-line message.
    public var description: String {
        switch self {
        case .unpairedFiles(let first, let firstCount, let second, let secondCount):
            return "cannot compare item by item: \(first) has \(firstCount) items, \(second) has \(secondCount)"
        }
    }
}

extension TextAnswerScores {
    /// The relaxed match, 0 where the profile has none.
    var relaxedOrZero: Double { relaxedMatch ?? 0 }
}
