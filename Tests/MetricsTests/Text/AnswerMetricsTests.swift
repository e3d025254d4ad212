import Metrics
import TestSupport
import Testing

@Suite("The study's answer metrics and SQuAD v1.1 match their Python definitions")
struct AnswerMetricsTests {
    static let study = StudyAnswerMetrics()

    @Test("per item: normalization, EM, relaxed match, F1 and ROUGE equal the study's definitions")
    func studyPerItem() {
        let scorer = TextAnswerScorer(profile: .seed)
        var mismatches: [String] = []
        for pair in TextPairFixture.all {
            let scores = scorer.score(TextAnswerItem(golds: [pair.target], prediction: pair.prediction))
            let gold = pair.target.trimmingPythonWhitespace
            let expected = pair.study
            let same = StudyAnswerMetrics.normalize(gold).map(\.value) == expected.normalizedGold.unicodeScalars.map(\.value)
                && scores.goldTokenCount == expected.goldTokenCount
                && scores.exactMatch == Double(expected.em) && scores.relaxedMatch == Double(expected.relaxed)
                && scores.tokenF1.bitPattern == Fixtures.double(bits: expected.f1).bitPattern
                && scores.rouge.bitPattern == Fixtures.double(bits: expected.rouge).bitPattern
            if !same { mismatches.append("\(pair.target.debugDescription) / \(pair.prediction.debugDescription): \(scores)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    struct Aggregates: Decodable {
        struct Row: Decodable {
            let count: Int, em: Double, relaxed: Double, f1: Double, rouge: Double, accAtRouge: Double
        }
        struct Table: Decodable { let overall: Row?, short: Row? }
        struct Block: Decodable { let start: Int, count: Int, table: Table }
        let all: Table
        let blocks: [Block]
    }

    static func expectRow(_ row: TextScoreRow?, _ expected: Aggregates.Row?) {
        guard let expected else {
            #expect(row == nil)
            return
        }
        guard let row else {
            Issue.record("missing row, expected \(expected)")
            return
        }
        #expect(row.count == expected.count)
        #expect(abs(row.exactMatch - expected.em) <= 1e-12)
        #expect(abs(row.relaxedMatch! - expected.relaxed) <= 1e-12)
        #expect(abs(row.tokenF1 - expected.f1) <= 1e-12)
        #expect(abs(row.rouge - expected.rouge) <= 1e-12)
        #expect(abs(row.accuracyAtRouge - expected.accAtRouge) <= 1e-12)
    }

    @Test("the study's tables (overall and short-answer subset) agree to 1e-12 on the whole file and on blocks")
    func studyAggregates() throws {
        let aggregates = try Fixtures.json("MetricsTests", "study_aggregates.json", as: Aggregates.self)
        let items = TextPairFixture.all.map { TextAnswerItem(golds: [$0.target], prediction: $0.prediction) }
        let scores = TextAnswerScorer(profile: .seed).score(items: items, workerCount: 2)
        let table = TextScoreTable(scores: scores)
        Self.expectRow(table.overall, aggregates.all.overall)
        Self.expectRow(table.shortAnswers, aggregates.all.short)
        for block in aggregates.blocks {
            let blockTable = TextScoreTable(scores: Array(scores[block.start..<(block.start + block.count)]))
            Self.expectRow(blockTable.overall, block.table.overall)
            Self.expectRow(blockTable.shortAnswers, block.table.short)
        }
    }

    @Test("SQuAD v1.1 normalization, EM and F1 (max over golds) equal the official script's")
    func squad() {
        var mismatches: [String] = []
        for pair in TextPairFixture.all {
            let golds = pair.squad.golds
            let normalized = SquadAnswerMetrics.normalize(pair.prediction).map(\.value)
            let em = SquadAnswerMetrics.exactMatch(prediction: pair.prediction, golds: golds)
            let f1 = SquadAnswerMetrics.tokenF1(prediction: pair.prediction, golds: golds)
            if normalized != pair.squad.normalizedPrediction.unicodeScalars.map(\.value)
                || em != (pair.squad.em == 1)
                || f1.bitPattern != Fixtures.double(bits: pair.squad.f1).bitPattern {
                mismatches.append("\(pair.prediction.debugDescription) vs \(golds): em \(em) f1 \(f1)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    @Test("where the profiles differ: empty answers, articles, punctuation inside words", arguments: [
        ("", "", true, 1.0, true, 0.0),
        ("The Eiffel Tower", "eiffel tower", false, 0.8, true, 1.0),
        ("rock-n-roll", "rocknroll", true, 1.0, true, 1.0),
    ])
    func profileDifferences(gold: String, prediction: String, studyEM: Bool, studyF1: Double,
                            squadEM: Bool, squadF1: Double) {
        #expect(Self.study.exactMatch(prediction: prediction, gold: gold) == studyEM)
        #expect(Self.study.tokenF1(prediction: prediction, gold: gold) == studyF1)
        #expect(SquadAnswerMetrics.exactMatch(prediction: prediction, golds: [gold]) == squadEM)
        #expect(SquadAnswerMetrics.tokenF1(prediction: prediction, golds: [gold]) == squadF1)
    }

    @Test("an empty prediction is a relaxed match for any short gold, never for a long one")
    func relaxedEmptyPrediction() {
        #expect(Self.study.relaxedMatch(prediction: "", gold: "Paris"))
        let longGold = Array(repeating: "word", count: 16).joined(separator: " ")
        #expect(!Self.study.relaxedMatch(prediction: "", gold: longGold))
        #expect(!Self.study.relaxedMatch(prediction: "Paris", gold: "   "))
    }

    @Test("Python's lower: İ, Kelvin sign and final sigma")
    func pythonLower() {
        #expect(PythonText.lowercased("İK").map(\.value) == [0x69, 0x307, 0x6B])
        #expect(PythonText.lowercased("ΟΔΟΣ ΣΑ").map(\.value) == "οδος σα".unicodeScalars.map(\.value) ||
                PythonText.lowercased("ΟΔΟΣ ΣΑ").map(\.value) == "οδoς σα".unicodeScalars.map(\.value))
        #expect(PythonText.lowercased("ΟΔΟΣ").last == "ς")
    }
}

extension String {
    /// Python's `str.strip()`.
    var trimmingPythonWhitespace: String {
        String(String.UnicodeScalarView(PythonText.stripped(Array(unicodeScalars))))
    }
}
