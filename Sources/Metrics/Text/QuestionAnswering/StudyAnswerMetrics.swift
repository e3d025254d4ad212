/// The answer metrics of the reference study (`src/eval_accuracy_plus.py` in
/// yuxuanliang1/IEMS_490_Assignment2), reproduced on Python's text semantics.
///
/// Normalization is `lower()`, `strip()`, `\s+ → " "`, then deleting `[^\w\s]`, in that order
/// (so "a - b" keeps two spaces). Callers strip gold and prediction first, as the script does.
public struct StudyAnswerMetrics: Sendable {
    /// Golds with more normalized tokens than this get no relaxed match and fall outside the
    /// short-answer subset (the script's `short_thresh`, default 15).
    public var shortAnswerTokenLimit: Int
    /// ROUGE F at or above this counts as correct for Acc@ROUGE (`rouge_thresh`, default 0.5).
    public var rougeThreshold: Double

    /// The study's defaults unless given.
    public init(shortAnswerTokenLimit: Int = 15, rougeThreshold: Double = 0.5) {
        self.shortAnswerTokenLimit = shortAnswerTokenLimit
        self.rougeThreshold = rougeThreshold
    }

    /// The script's `_normalize`.
    public static func normalize(_ text: String) -> [Unicode.Scalar] {
        let stripped = PythonText.stripped(PythonText.lowercased(text))
        var collapsed: [Unicode.Scalar] = []
        collapsed.reserveCapacity(stripped.count)
        for scalar in stripped {
            if PythonText.isSpace(scalar) {
                // Every space in `collapsed` came from whitespace, so a space last means this
                // scalar continues the same whitespace run.
                if collapsed.last != " " { collapsed.append(" ") }
            } else {
                collapsed.append(scalar)
            }
        }
        return collapsed.filter { PythonText.isWordCharacter($0) || PythonText.isSpace($0) }
    }

    /// The script's `_tokens`: the normalized text split on whitespace.
    public static func tokens(_ text: String) -> [[Unicode.Scalar]] {
        PythonText.split(normalize(text))
    }

    /// Exact match of the normalized strings.
    public func exactMatch(prediction: String, gold: String) -> Bool {
        StudyAnswerMetrics.normalize(prediction) == StudyAnswerMetrics.normalize(gold)
    }

    /// Relaxed match: for a gold of 1...limit tokens, the space-joined tokens of either side
    /// contain the other's as a character substring (so an empty prediction matches).
    public func relaxedMatch(prediction: String, gold: String) -> Bool {
        let goldTokens = StudyAnswerMetrics.tokens(gold)
        guard !goldTokens.isEmpty && goldTokens.count <= shortAnswerTokenLimit else { return false }
        let joinedPrediction = StudyAnswerMetrics.joined(StudyAnswerMetrics.tokens(prediction))
        let joinedGold = StudyAnswerMetrics.joined(goldTokens)
        return PythonText.contains(joinedPrediction, joinedGold) || PythonText.contains(joinedGold, joinedPrediction)
    }

    /// Token F1 with the script's empty rules: both empty 1, one empty 0.
    public func tokenF1(prediction: String, gold: String) -> Double {
        let predictionTokens = StudyAnswerMetrics.tokens(prediction)
        let goldTokens = StudyAnswerMetrics.tokens(gold)
        if predictionTokens.isEmpty && goldTokens.isEmpty { return 1 }
        if predictionTokens.isEmpty || goldTokens.isEmpty { return 0 }
        let shared = TokenOverlap.sharedCount(predictionTokens, goldTokens)
        if shared == 0 { return 0 }
        return TokenOverlap.f1(shared: shared, predictionCount: predictionTokens.count, goldCount: goldTokens.count)
    }

    private static func joined(_ tokens: [[Unicode.Scalar]]) -> [Unicode.Scalar] {
        Array(tokens.joined(separator: [" "]))
    }
}
