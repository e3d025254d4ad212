/// One row of the study's table: rates and means over a set of items.
public struct TextScoreRow: Sendable, Equatable, Codable {
    /// Items in the row.
    public var count: Int
    /// Exact-match rate.
    public var exactMatch: Double
    /// The study's reported relaxed rate, `max(EM rate, relaxed rate)`; `nil` without relaxed scores.
    public var relaxedMatch: Double?
    /// Mean token F1.
    public var tokenF1: Double
    /// Mean of the profile's ROUGE-L column.
    public var rouge: Double
    /// Share of items whose ROUGE-L reaches the threshold.
    public var accuracyAtRouge: Double
}

/// The study's table for one file: all items and the short-answer subset.
public struct TextScoreTable: Sendable, Equatable, Codable {
    /// Every item; `nil` when there are none.
    public var overall: TextScoreRow?
    /// Items whose gold has at most the short-answer token limit; `nil` when there are none.
    public var shortAnswers: TextScoreRow?

    /// Aggregates per-item scores, summing in input order as the study's script does.
    public init(scores: [TextAnswerScores]) {
        overall = TextScoreTable.row(scores)
        shortAnswers = TextScoreTable.row(scores.filter(\.isShortAnswer))
    }

    private static func row(_ scores: [TextAnswerScores]) -> TextScoreRow? {
        guard !scores.isEmpty else { return nil }
        var exact = 0.0, relaxed = 0.0, f1 = 0.0, rouge = 0.0, hits = 0.0
        var hasRelaxed = true
        for score in scores {
            exact += score.exactMatch
            if let relaxedMatch = score.relaxedMatch { relaxed += relaxedMatch } else { hasRelaxed = false }
            f1 += score.tokenF1
            rouge += score.rouge
            hits += score.accuracyAtRouge
        }
        let count = Double(scores.count)
        return TextScoreRow(count: scores.count, exactMatch: exact / count,
                            relaxedMatch: hasRelaxed ? max(exact / count, relaxed / count) : nil,
                            tokenF1: f1 / count, rouge: rouge / count, accuracyAtRouge: hits / count)
    }
}
