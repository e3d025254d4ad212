import JSONLines
import Metrics

/// Times Proctor's ROUGE-L and ROUGE-Lsum (with stemming) on a corpus of
/// `{"target", "prediction"}` pairs, for `proctor bench text` and bench/text_metrics.sh.
public enum RougeBenchmark {
    /// One timed run.
    public struct Result: Sendable {
        /// Pairs scored.
        public let pairCount: Int
        /// Threads used.
        public let workerCount: Int
        /// Wall time of the scoring alone (reading the corpus excluded).
        public let seconds: Double
        /// Sum of the rougeL F-measures in input order, to cross-check against the peers' sums.
        public let rougeLSum: Double
        /// Sum of the rougeLsum F-measures in input order.
        public let rougeLsumSum: Double
    }

    /// Every pair of the corpus at `path`.
    public static func pairs(path: String) throws(JSONLinesError) -> [RougePair] {
        let reader = try JSONLinesReader(path: path, fields: ["target", "prediction"])
        var pairs: [RougePair] = []
        while let record = try reader.next() {
            pairs.append(RougePair(target: try record.string("target", file: path),
                                   prediction: try record.string("prediction", file: path)))
        }
        return pairs
    }

    /// Scores `pairs` once on `workerCount` threads and times it.
    public static func run(_ pairs: [RougePair], workerCount: Int) -> Result {
        let scorer = RougeScorer(usesStemmer: true)
        var scores: [RougeLScores] = []
        let elapsed = ContinuousClock().measure { scores = scorer.score(pairs: pairs, workerCount: workerCount) }
        var rougeLSum = 0.0, rougeLsumSum = 0.0
        for score in scores {
            rougeLSum += score.rougeL.fmeasure
            rougeLsumSum += score.rougeLsum.fmeasure
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Result(pairCount: pairs.count, workerCount: workerCount, seconds: seconds,
                      rougeLSum: rougeLSum, rougeLsumSum: rougeLsumSum)
    }
}
