/// Precision, recall and F-measure of one ROUGE comparison, as rouge-score's `Score` tuple.
public struct RougeScore: Sendable, Equatable, Hashable {
    /// Matched tokens over prediction tokens.
    public var precision: Double
    /// Matched tokens over target tokens.
    public var recall: Double
    /// Harmonic mean, evaluated as rouge-score does: `2 * p * r / (p + r)`, 0 when both are 0.
    public var fmeasure: Double

    /// The score of an empty comparison.
    public static let zero = RougeScore(precision: 0, recall: 0, fmeasure: 0)

    /// A score from its parts.
    public init(precision: Double, recall: Double, fmeasure: Double) {
        self.precision = precision
        self.recall = recall
        self.fmeasure = fmeasure
    }

    /// The score for `matches` matched tokens out of the given token counts, with rouge-score's
    /// operation order so the result is bit-identical.
    init(matches: Int, predictionCount: Int, targetCount: Int) {
        let precision = Double(matches) / Double(predictionCount)
        let recall = Double(matches) / Double(targetCount)
        self.init(precision: precision, recall: recall, fmeasure: RougeScore.fmeasure(precision, recall))
    }

    /// rouge-score's `scoring.fmeasure`.
    static func fmeasure(_ precision: Double, _ recall: Double) -> Double {
        precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
}
