/// Paired gold and predicted labels encoded as indices into their sorted union, so that
/// macro-F1 of any resample of the items costs one pass over it (for the paired bootstrap).
///
/// Same semantics as `ClassificationReport`: on a resample, the labels are those occurring in
/// it, and per-label F1 is summed in sorted label order, so the full sample gives the report's
/// macro-F1 bit for bit.
public struct EncodedLabels: Sendable {
    /// The sorted union of gold and predicted labels.
    public let labels: [String]
    /// Gold label index of each item.
    public let gold: [Int]
    /// Predicted label index of each item.
    public let predicted: [Int]

    /// Encodes paired label lists of equal length.
    public init(gold: [String], predicted: [String]) {
        precondition(gold.count == predicted.count, "needs paired label lists")
        let goldKeys = gold.map(LabelKey.init), predictedKeys = predicted.map(LabelKey.init)
        let sortedKeys = Set(goldKeys + predictedKeys).sorted()
        var index: [LabelKey: Int] = [:]
        for (position, key) in sortedKeys.enumerated() { index[key] = position }
        labels = sortedKeys.map(\.text)
        self.gold = goldKeys.map { index[$0]! }
        self.predicted = predictedKeys.map { index[$0]! }
    }

    /// Macro-F1 over the items at `indices` (repeats allowed), scikit-learn's definition.
    public func macroF1<Indices: Sequence<Int>>(items indices: Indices) -> Double {
        var goldCount = Array(repeating: 0, count: labels.count)
        var predictedCount = Array(repeating: 0, count: labels.count)
        var truePositives = Array(repeating: 0, count: labels.count)
        for item in indices {
            goldCount[gold[item]] += 1
            predictedCount[predicted[item]] += 1
            if gold[item] == predicted[item] { truePositives[gold[item]] += 1 }
        }
        var sum = 0.0, present = 0
        for label in labels.indices where goldCount[label] + predictedCount[label] > 0 {
            sum += Double(2 * truePositives[label]) / Double(goldCount[label] + predictedCount[label])
            present += 1
        }
        return present == 0 ? 0 : sum / Double(present)
    }
}
