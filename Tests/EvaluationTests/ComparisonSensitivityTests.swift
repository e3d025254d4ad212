import Foundation
@testable import Judge
import Reports
import Testing

/// A report must say what its design could have detected, so "not significant" on a few
/// problems is read as "too few problems", not as "no effect".
@Suite("The report's sensitivity sentence")
struct ComparisonSensitivityTests {
    /// One greedy sample per problem: `base` solves the first `baseSolved`, `lora` the
    /// problems from `loraFrom` up to `loraTo` (exclusive).
    static func records(problems: Int, baseSolved: Int, loraFrom: Int, loraTo: Int) -> [ResultRecord] {
        (0..<problems).flatMap { problem in
            [("base", problem < baseSolved), ("lora", problem >= loraFrom && problem < loraTo)].map { checkpoint, solved in
                var record = ResultRecord(sample: Sample(problemID: String(format: "p%03d", problem), checkpoint: checkpoint,
                                                         index: 0, code: "print(1)"),
                                          outcome: CandidateOutcome(tests: []))
                record.verdict = solved ? .accepted : .wrongAnswer
                record.passed = solved
                return record
            }
        }
    }

    @Test("20 problems, 6 of them split: not even 30 pp is detectable, and the sentence says how many problems +10 pp would take")
    func fewProblems() throws {
        // base solves p000–p007, lora p002–p011: 2 only base, 4 only lora.
        let report = CodeReport(records: Self.records(problems: 20, baseSolved: 8, loraFrom: 2, loraTo: 12))
        let comparison = try #require(report.comparisons.first)
        #expect(comparison.onlyBaseline == 2 && comparison.onlyCandidate == 4)
        #expect(comparison.minimumDetectableDifference == nil)
        let needed = try #require(comparison.problemsNeeded)
        #expect(needed > 100 && needed < 2000)
        let sentence = report.verdictSentence(comparison)
        #expect(sentence.contains("not significant"))
        #expect(sentence.contains("the largest difference that split allows (30.0 pp) would be detected less than 80% of the time"),
                "\(sentence)")
        #expect(sentence.contains("+10.0 pp would take about \(needed) problems"), "\(sentence)")
    }

    @Test("20 problems, all 7 split ones going the baseline's way: significant, and the sentence says why despite the low power")
    func significantDespiteLowPower() throws {
        // base solves p000–p010, lora p000–p003: 7 only base, none only lora.
        let report = CodeReport(records: Self.records(problems: 20, baseSolved: 11, loraFrom: 0, loraTo: 4))
        let comparison = try #require(report.comparisons.first)
        #expect(comparison.onlyBaseline == 7 && comparison.onlyCandidate == 0)
        #expect(comparison.minimumDetectableDifference == nil)
        let sentence = report.verdictSentence(comparison)
        #expect(sentence.contains("significant at 5%"))
        #expect(sentence.contains("significant because the split went one way, 7 to 0."), "\(sentence)")
    }

    @Test("200 problems with 60 split: the smallest detectable difference is named; identical checkpoints say so")
    func manyProblems() throws {
        let report = CodeReport(records: Self.records(problems: 200, baseSolved: 80, loraFrom: 50, loraTo: 110))
        let comparison = try #require(report.comparisons.first)
        let smallest = try #require(comparison.minimumDetectableDifference)
        #expect(smallest > 0.05 && smallest < 0.3)
        #expect(report.verdictSentence(comparison).contains(String(format: "at least %.1f pp", 100 * smallest)))
        let json = String(decoding: try JSONEncoder().encode(comparison), as: UTF8.self)
        #expect(json.contains("\"minimum_detectable_difference\""))

        let same = CodeReport(records: Self.records(problems: 20, baseSolved: 8, loraFrom: 0, loraTo: 8))
        #expect(try #require(same.comparisons.first).pValue == 1)
        #expect(same.verdictSentence(same.comparisons[0]).contains("Both solved exactly the same problems."))
    }
}
