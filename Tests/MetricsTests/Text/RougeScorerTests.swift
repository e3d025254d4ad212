import Metrics
import Testing

@Suite("ROUGE-L and ROUGE-Lsum match rouge-score 0.1.2")
struct RougeScorerTests {
    static let plain = RougeScorer(usesStemmer: false)
    static let stemming = RougeScorer(usesStemmer: true)

    @Test("the fixture holds at least 2,000 pairs")
    func fixtureSize() {
        #expect(TextPairFixture.all.count >= 2000)
    }

    @Test("every fixture pair scores bit for bit like rouge-score, with and without stemming")
    func fixturePairsAreBitIdentical() {
        var mismatches = 0
        for pair in TextPairFixture.all {
            let plain = Self.plain.score(target: pair.target, prediction: pair.prediction)
            let stemmed = Self.stemming.score(target: pair.target, prediction: pair.prediction)
            let same = bitPatterns(plain.rougeL) == pair.rougeL && bitPatterns(plain.rougeLsum) == pair.rougeLsum
                && bitPatterns(stemmed.rougeL) == pair.rougeLStemmed
                && bitPatterns(stemmed.rougeLsum) == pair.rougeLsumStemmed
            if !same {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record("mismatch for target \(pair.target.debugDescription) prediction \(pair.prediction.debugDescription): got \(plain) \(stemmed)")
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("scoring a batch on two workers gives the single-pair results in order")
    func batchMatchesSinglePairs() {
        let pairs = TextPairFixture.all.map { RougePair(target: $0.target, prediction: $0.prediction) }
        let batch = Self.stemming.score(pairs: pairs, workerCount: 2)
        #expect(batch.count == pairs.count)
        for (index, pair) in TextPairFixture.all.enumerated() {
            #expect(bitPatterns(batch[index].rougeLsum) == pair.rougeLsumStemmed)
            #expect(bitPatterns(batch[index].rougeL) == pair.rougeLStemmed)
        }
    }

    @Test("documented vectors: line order, union LCS, stemming and count clipping", arguments: [
        ("the cat sat\nthe dog ran", "the dog ran\nthe cat sat", 1.0, 0.5),
        ("paris france", "france paris\nparis", 0.4, 0.4),
        ("france paris\nparis", "paris france", 0.8, 0.4),
        ("The cats are running quickly.", "A cat runs quick", 0.4444444444444445, 0.4444444444444445),
        ("the cat\nthe cat", "the cat", 0.6666666666666666, 0.6666666666666666),
    ])
    func documentedVectors(target: String, prediction: String, lsum: Double, rougeL: Double) {
        let scores = Self.stemming.score(target: target, prediction: prediction)
        #expect(scores.rougeLsum.fmeasure == lsum)
        #expect(scores.rougeL.fmeasure == rougeL)
    }

    @Test("empty and separator-only texts score zero")
    func emptyInputs() {
        for (target, prediction) in [("", ""), ("", "a"), ("a", ""), ("!!!", "a"), ("\n\n", "a\nb"), ("café", "é")] {
            #expect(Self.stemming.score(target: target, prediction: prediction).rougeLsum == .zero)
        }
    }

    @Test("the tokenizer keeps ASCII letters and digits, İ and the Kelvin sign, and separates the rest")
    func tokenizer() {
        let tokenizer = RougeTokenizer(usesStemmer: false)
        #expect(tokenizer.tokens("İstanbul café \u{212A}elvin 東京 3.14 snake_case") ==
                ["i", "stanbul", "caf", "kelvin", "3", "14", "snake", "case"])
        #expect(RougeTokenizer(usesStemmer: true).tokens("The cats are running quickly") ==
                ["the", "cat", "are", "run", "quickli"])
    }
}
