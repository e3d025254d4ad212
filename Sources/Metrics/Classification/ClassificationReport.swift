/// Accuracy, macro-F1 and the confusion matrix of label predictions, with scikit-learn's semantics.
///
/// Labels are the sorted union of gold and predicted labels (sorted by Unicode scalar values,
/// compared scalar by scalar as Python compares strings). Per label F1 is `2·tp / (gold + predicted)`;
/// a label never predicted scores 0, and a label that is only predicted adds a 0 to the mean.
public struct ClassificationReport: Sendable, Equatable {
    /// The labels, in the order of the matrix rows and columns.
    public let labels: [String]
    /// `confusion[gold][predicted]` counts, indexed like `labels`.
    public let confusion: [[Int]]
    /// Share of items whose prediction equals the gold label.
    public let accuracy: Double
    /// Unweighted mean of the per-label F1 scores.
    public let macroF1: Double
    /// F1 of each label, indexed like `labels`.
    public let perLabelF1: [Double]

    /// The report for paired gold and predicted labels (same length, at least one item).
    public init(gold: [String], predicted: [String]) {
        precondition(gold.count == predicted.count && !gold.isEmpty, "needs paired, non-empty label lists")
        let goldKeys = gold.map(LabelKey.init), predictedKeys = predicted.map(LabelKey.init)
        let sortedKeys = Set(goldKeys + predictedKeys).sorted()
        var index: [LabelKey: Int] = [:]
        for (position, key) in sortedKeys.enumerated() { index[key] = position }
        var confusion = Array(repeating: Array(repeating: 0, count: sortedKeys.count), count: sortedKeys.count)
        var correct = 0
        for (goldKey, predictedKey) in zip(goldKeys, predictedKeys) {
            confusion[index[goldKey]!][index[predictedKey]!] += 1
            if goldKey == predictedKey { correct += 1 }
        }
        var perLabelF1: [Double] = []
        for label in sortedKeys.indices {
            let truePositives = confusion[label][label]
            let goldCount = confusion[label].reduce(0, +)
            let predictedCount = confusion.reduce(0) { $0 + $1[label] }
            perLabelF1.append(Double(2 * truePositives) / Double(goldCount + predictedCount))
        }
        labels = sortedKeys.map(\.text)
        self.confusion = confusion
        accuracy = Double(correct) / Double(gold.count)
        self.perLabelF1 = perLabelF1
        macroF1 = perLabelF1.reduce(0, +) / Double(perLabelF1.count)
    }

    /// Whether a prediction equals a gold label as scikit-learn compares them: scalar for
    /// scalar, without Swift's canonical equivalence ("é" and "e\u{301}" differ).
    public static func isSameLabel(_ gold: String, _ predicted: String) -> Bool {
        gold.unicodeScalars.elementsEqual(predicted.unicodeScalars)
    }
}
