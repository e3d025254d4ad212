import Metrics
import TestSupport
import Testing

@Suite("Porter stemmer matches NLTK's NLTK_EXTENSIONS mode")
struct PorterStemmerTests {
    /// (word, NLTK's stem) from `porter_stems.txt`; a line with one word stems to itself.
    static let pairs: [(word: String, stem: String)] = try! Fixtures.text("MetricsTests", "porter_stems.txt")
        .split(separator: "\n").map { line in
            let parts = line.split(separator: " ")
            return (String(parts[0]), String(parts.count > 1 ? parts[1] : parts[0]))
        }

    @Test("the word list holds at least 20,000 distinct words")
    func wordListSize() {
        #expect(Set(Self.pairs.map(\.word)).count >= 20_000)
    }

    @Test("every word stems as NLTK stems it")
    func everyWordMatches() {
        let stemmer = PorterStemmer()
        var mismatches: [String] = []
        for (word, expected) in Self.pairs {
            let stem = stemmer.stem(word)
            if stem != expected { mismatches.append("\(word): \(stem) != \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(10))")
    }

    @Test("NLTK's irregular forms and extension rules", arguments: [
        ("skies", "sky"), ("dying", "die"), ("news", "news"), ("generalli", "gener"), ("ties", "tie"),
        ("cried", "cri"), ("happy", "happi"), ("enjoy", "enjoy"), ("running", "run"), ("caresses", "caress"),
    ])
    func knownStems(word: String, stem: String) {
        #expect(PorterStemmer().stem(word) == stem)
    }
}
