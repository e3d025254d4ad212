import Metrics
import TestSupport
import Testing

@Suite("Classification accuracy, macro-F1 and confusion matrix match scikit-learn")
struct ClassificationReportTests {
    struct Case: Decodable, Sendable {
        let gold: [String], predicted: [String], labels: [String]
        let accuracy: String, macroF1: String
        let confusion: [[Int]]
    }

    static let cases: [Case] = try! Fixtures.jsonLines("MetricsTests", "classification.jsonl")

    @Test("every fixture case: labels, confusion matrix, accuracy and macro-F1 (to 1e-12)")
    func fixture() {
        for item in Self.cases {
            let report = ClassificationReport(gold: item.gold, predicted: item.predicted)
            #expect(report.labels.map { Array($0.unicodeScalars) } == item.labels.map { Array($0.unicodeScalars) })
            #expect(report.confusion == item.confusion)
            #expect(abs(report.accuracy - Fixtures.double(bits: item.accuracy)) <= 1e-12)
            #expect(abs(report.macroF1 - Fixtures.double(bits: item.macroF1)) <= 1e-12)
        }
    }

    @Test("documented examples: a never-predicted label scores 0, a predicted-only label adds a 0")
    func documentedExamples() {
        #expect(ClassificationReport(gold: ["a", "a", "b", "c"], predicted: ["a", "a", "a", "a"]).macroF1
                == 0.2222222222222222)
        #expect(ClassificationReport(gold: ["a", "b"], predicted: ["a", "z"]).macroF1 == 0.3333333333333333)
    }

    @Test("encoded labels give the report's macro-F1 bit for bit on every fixture case")
    func encodedLabelsMatchTheReport() {
        for item in Self.cases {
            let encoded = EncodedLabels(gold: item.gold, predicted: item.predicted)
            #expect(encoded.labels.map { Array($0.unicodeScalars) } == item.labels.map { Array($0.unicodeScalars) })
            #expect(encoded.macroF1(items: item.gold.indices)
                    == ClassificationReport(gold: item.gold, predicted: item.predicted).macroF1)
        }
    }

    @Test("on a resample, macro-F1 uses only the labels that occur in it, as scikit-learn would on that resample")
    func resampledMacroF1() {
        let encoded = EncodedLabels(gold: ["a", "a", "b", "c"], predicted: ["a", "a", "a", "a"])
        // Items 0 and 2: gold [a, b], predicted [a, a] -> labels a, b: F1 a = 2/3, b = 0.
        #expect(encoded.macroF1(items: [0, 2]) == ClassificationReport(gold: ["a", "b"], predicted: ["a", "a"]).macroF1)
        #expect(encoded.macroF1(items: [1, 1, 1]) == 1)
    }

    @Test("labels are compared scalar by scalar, so a precomposed and a decomposed é differ")
    func sameLabel() {
        #expect(ClassificationReport.isSameLabel("World", "World"))
        #expect(!ClassificationReport.isSameLabel("\u{e9}", "e\u{301}"))
    }
}
