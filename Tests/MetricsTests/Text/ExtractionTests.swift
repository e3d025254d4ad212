import Metrics
import TestSupport
import Testing

@Suite("Answer extraction matches lm-evaluation-harness's GSM8K filters and the multiple-choice pattern")
struct ExtractionTests {
    struct GSM8KCase: Decodable, Sendable {
        let response: String, gold: String, strict: String, flexible: String
        let strictNormalized: String, flexibleNormalized: String, normalizedGold: String
        let strictCorrect: Bool, flexibleCorrect: Bool
    }

    struct LetterCase: Decodable, Sendable {
        let response: String
        let letter: String?
    }

    static let gsm8k: [GSM8KCase] = try! Fixtures.jsonLines("MetricsTests", "gsm8k_extraction.jsonl")
    static let letters: [LetterCase] = try! Fixtures.jsonLines("MetricsTests", "multiple_choice.jsonl")

    @Test("strict and flexible answers, normalization and correctness equal the harness's on every response")
    func gsm8kFixture() {
        for item in Self.gsm8k {
            let strict = GSM8KAnswerExtractor.strictAnswer(item.response)
            let flexible = GSM8KAnswerExtractor.flexibleAnswer(item.response)
            #expect(strict == item.strict, "strict of \(item.response.debugDescription)")
            #expect(flexible == item.flexible, "flexible of \(item.response.debugDescription)")
            #expect(GSM8KAnswerExtractor.normalize(strict) == item.strictNormalized)
            #expect(GSM8KAnswerExtractor.normalize(flexible) == item.flexibleNormalized)
            #expect(GSM8KAnswerExtractor.normalize(item.gold) == item.normalizedGold)
            #expect(GSM8KAnswerExtractor.isCorrect(extracted: strict, gold: item.gold) == item.strictCorrect)
            #expect(GSM8KAnswerExtractor.isCorrect(extracted: flexible, gold: item.gold) == item.flexibleCorrect)
        }
    }

    @Test("the multiple-choice letter equals Python's re.search result on every response")
    func letterFixture() {
        for item in Self.letters {
            let letter = MultipleChoiceLetterExtractor.letter(item.response).map(String.init)
            #expect(letter == item.letter, "letter of \(item.response.debugDescription)")
        }
    }
}
