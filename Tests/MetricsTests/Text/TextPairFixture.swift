import Metrics
import TestSupport

/// One line of `text_pairs.jsonl`: a pair and every reference score computed for it.
struct TextPairFixture: Decodable, Sendable {
    struct Study: Decodable, Sendable {
        let normalizedGold: String
        let goldTokenCount: Int
        let em: Int
        let relaxed: Int
        let f1: String
        let rouge: String
    }

    struct Squad: Decodable, Sendable {
        let golds: [String]
        let normalizedPrediction: String
        let em: Int
        let f1: String
    }

    let target: String
    let prediction: String
    let rougeL: [String]
    let rougeLsum: [String]
    let rougeLStemmed: [String]
    let rougeLsumStemmed: [String]
    let study: Study
    let squad: Squad

    static let all: [TextPairFixture] = try! Fixtures.jsonLines("MetricsTests", "text_pairs.jsonl")
}

/// The bit patterns of a score's precision, recall and F-measure, for exact comparison.
func bitPatterns(_ score: RougeScore) -> [String] {
    [score.precision, score.recall, score.fmeasure].map { value in
        let hex = String(value.bitPattern, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
