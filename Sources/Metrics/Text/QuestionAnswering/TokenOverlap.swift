/// Token-overlap F1 as SQuAD and the study compute it: multiset (Counter) intersection.
enum TokenOverlap {
    /// The number of tokens the two multisets share (`sum((Counter(a) & Counter(b)).values())`).
    static func sharedCount(_ prediction: [[Unicode.Scalar]], _ gold: [[Unicode.Scalar]]) -> Int {
        var goldCounts: [[Unicode.Scalar]: Int] = [:]
        for token in gold { goldCounts[token, default: 0] += 1 }
        var shared = 0
        for token in prediction {
            if let left = goldCounts[token], left > 0 {
                shared += 1
                goldCounts[token] = left - 1
            }
        }
        return shared
    }

    /// `2 * precision * recall / (precision + recall)`, evaluated left to right as in Python.
    static func f1(shared: Int, predictionCount: Int, goldCount: Int) -> Double {
        let precision = Double(shared) / Double(predictionCount)
        let recall = Double(shared) / Double(goldCount)
        return 2 * precision * recall / (precision + recall)
    }
}
