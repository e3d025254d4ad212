import Foundation
@testable import Judge
import Reports
import Testing

@Suite("Reports show code in its language")
struct ReportLanguageTests {
    @Test("the code panels fence a C++ sample as cpp and a Python one as python")
    func fences() {
        func record(_ checkpoint: String, _ code: String, _ language: Language, passed: Bool) -> ResultRecord {
            var record = ResultRecord(sample: Sample(problemID: "p", checkpoint: checkpoint, index: 0, code: code,
                                                     language: language), outcome: CandidateOutcome(tests: []))
            record.passed = passed
            record.verdict = passed ? .accepted : .wrongAnswer
            return record
        }
        let records = [record("py", "print(3)", .python, passed: true),
                       record("cpp", "int main() { return 1; }", .cpp17, passed: false)]
        let code = CodeReport(records: records)
        #expect(code.matrix["p"]?["cpp"]?.exampleLanguage == "cpp17")
        #expect(code.matrix["p"]?["py"]?.exampleLanguage == nil)
        let markdown = RunReport(title: "t", facts: [], code: code).markdown()
        #expect(markdown.contains("```cpp\nint main() { return 1; }\n```"), "\(markdown)")
        #expect(markdown.contains("```python\nprint(3)\n```"))
    }
}
