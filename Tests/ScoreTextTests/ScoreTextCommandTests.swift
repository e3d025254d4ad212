import Foundation
import TestSupport
import Testing

/// Runs the built `proctor score-text` on the example files in Fixtures/ and checks its numbers
/// against those the reference implementations give (expected.json, written by
/// scripts/fixtures/generate_score_text_fixtures.py).
@Suite("proctor score-text end to end on the example files")
struct ScoreTextCommandTests {
    static let fixtures = RepositoryPaths.path("Tests/ScoreTextTests/Fixtures")
    /// expected.json, read afresh (a `[String: Any]` cannot be a shared static).
    static var reference: [String: Any] {
        try! JSONSerialization.jsonObject(with: Data(Fixtures.text("ScoreTextTests", "expected.json").utf8))
            as! [String: Any]
    }

    /// Runs `proctor score-text` in the fixtures folder, so file names print as given.
    static func scoreText(_ arguments: [String]) throws -> ProctorBinary.Output {
        try ProctorBinary.run(["score-text"] + arguments, in: fixtures)
    }

    /// The JSON report `proctor score-text … --format json` prints.
    static func jsonReport(_ arguments: [String]) throws -> [String: Any] {
        let output = try scoreText(arguments + ["--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
    }

    static func expected(_ path: String...) -> Any {
        path.reduce(reference as Any) { ($0 as! [String: Any])[$1]! }
    }

    static func number(_ value: Any?) -> Double { (value as! NSNumber).doubleValue }

    static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "proctor-score-text-\(UUID().uuidString)-\(name)"
    }

    @Test("one qa file: the overall and short-answer rows equal the study's script to 1e-12")
    func studyTable() throws {
        let report = try Self.jsonReport(["qa_baseline.jsonl"])
        let file = (report["files"] as! [[String: Any]])[0]
        for subset in ["overall", "short"] {
            let row = file[subset] as! [String: Any]
            let reference = Self.expected("qa", "qa_baseline.jsonl", "seed", subset) as! [String: Any]
            #expect(row["count"] as! Int == reference["count"] as! Int)
            for key in ["em", "relaxed", "f1", "rouge", "accAtRouge"] {
                #expect(abs(Self.number(row[key]) - Self.number(reference[key])) <= 1e-12, "\(subset) \(key)")
            }
        }
        let markdown = try Self.scoreText(["qa_baseline.jsonl"]).stdout
        #expect(markdown.contains("### Overall"))
        #expect(markdown.contains("### Short-answer subset (gold <= 15 tokens)"))
        #expect(markdown.contains("| File | Items | EM | Relaxed | F1 | ROUGE-L (avg F, Lsum) | Acc@ROUGE-L>=0.50 |"))
        #expect(markdown.contains("| qa_baseline.jsonl | 12 | 0.0833 | 0.5833 | 0.3232 | 0.2342 | 0.1667 |"))
    }

    @Test("the squad profile's EM, F1 and ROUGE-L equal SQuAD v1.1 and rouge-score's rougeL")
    func squadProfile() throws {
        let report = try Self.jsonReport(["qa_lora.jsonl", "--profile", "squad"])
        let row = (report["files"] as! [[String: Any]])[0]["overall"] as! [String: Any]
        let reference = Self.expected("qa", "qa_lora.jsonl", "squad") as! [String: Any]
        #expect(row["relaxed"] == nil)
        for key in ["em", "f1", "rouge"] {
            #expect(abs(Self.number(row[key]) - Self.number(reference[key])) <= 1e-12, "\(key)")
        }
    }

    @Test("two qa files: each metric's paired difference equals the difference of the reference means, with a verdict")
    func twoFileComparison() throws {
        let report = try Self.jsonReport(["qa_baseline.jsonl", "qa_lora.jsonl"])
        let comparisons = report["comparisons"] as! [[String: Any]]
        #expect(comparisons.map { $0["metric"] as! String } == ["EM", "Relaxed", "F1", "ROUGE-L", "Acc@ROUGE-L"])
        let baseline = Self.expected("qa", "qa_baseline.jsonl", "seed", "overall") as! [String: Any]
        let lora = Self.expected("qa", "qa_lora.jsonl", "seed", "overall") as! [String: Any]
        for (metric, key) in [("EM", "em"), ("F1", "f1"), ("ROUGE-L", "rouge"), ("Acc@ROUGE-L", "accAtRouge")] {
            let comparison = comparisons.first { $0["metric"] as! String == metric }!
            let difference = Self.number(lora[key]) - Self.number(baseline[key])
            #expect(abs(Self.number(comparison["difference"]) - difference) <= 1e-12, "\(metric)")
            #expect(Self.number(comparison["ciLow"]) <= difference && difference <= Self.number(comparison["ciHigh"]))
        }
        let markdown = try Self.scoreText(["qa_baseline.jsonl", "qa_lora.jsonl"]).stdout
        #expect(markdown.contains("### Paired difference (second file minus first, bootstrap CI)"))
        #expect(markdown.contains("| F1 | +0.6260 |"))
        #expect(markdown.contains("qa_lora.jsonl is better on F1: +0.6260, 95% CI ["))
        #expect(markdown.contains("], significant |"))
    }

    @Test("--per-item writes one line per input line, in input order, with stable keys and the reference's scores")
    func perItem() throws {
        let out = Self.temporaryPath("items.jsonl")
        #expect(try Self.scoreText(["qa_baseline.jsonl", "--per-item", out]).status == 0)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        let reference = Self.expected("qa", "qa_baseline.jsonl", "items") as! [[String: Any]]
        #expect(lines.count == reference.count)
        for (index, line) in lines.enumerated() {
            #expect(line.hasPrefix("{\"line\":\(index + 1),\"file\":\"qa_baseline.jsonl\",\"em\":"))
            let keys = line.split(separator: ",").compactMap { $0.split(separator: ":").first }
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "{\"")) }
            #expect(keys == ["line", "file", "em", "relaxed", "f1", "rougeL", "rougeLsum", "rouge", "accAtRouge",
                             "goldTokens", "short"])
            let item = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            for key in ["em", "relaxed", "f1", "rougeLsum"] {
                #expect(Self.number(item[key]) == Self.number(reference[index][key]), "line \(index + 1) \(key)")
            }
        }
    }

    @Test("a malformed line stops the run naming file and line; --skip-invalid goes on and counts the skipped lines")
    func malformedLine() throws {
        let failed = try Self.scoreText(["qa_malformed.jsonl"])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("qa_malformed.jsonl:3: not valid JSON"))
        #expect(failed.stderr.contains("use --skip-invalid"))

        let out = Self.temporaryPath("skipped.jsonl")
        let skipped = try Self.scoreText(["qa_malformed.jsonl", "--skip-invalid", "--format", "json", "--per-item", out])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("qa_malformed.jsonl: skipped 2 invalid lines"))
        let report = try JSONSerialization.jsonObject(with: Data(skipped.stdout.utf8)) as! [String: Any]
        let file = (report["files"] as! [[String: Any]])[0]
        #expect(file["skippedLines"] as! Int == 2)
        #expect((file["overall"] as! [String: Any])["count"] as! Int == 3)
        let items = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
            .map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(items.map { $0["line"] as! Int } == [1, 2, 3, 4, 5])
        #expect(items.map { $0["error"] != nil } == [false, false, true, false, true])
        #expect((items[4]["error"] as! String).contains("qa_malformed.jsonl:5: field \"prediction\" is missing"))
    }

    @Test("--task gsm8k: strict-match and flexible-extract accuracy equal lm-evaluation-harness's filters")
    func gsm8k() throws {
        let report = try Self.jsonReport(["gsm8k.jsonl", "--task", "gsm8k", "--gold-field", "answer"])
        let file = (report["files"] as! [[String: Any]])[0]
        #expect(file["items"] as! Int == 10)
        #expect(Self.number(file["strictMatch"]) == Self.number(Self.expected("gsm8k", "strictMatch")))
        #expect(Self.number(file["flexibleExtract"]) == Self.number(Self.expected("gsm8k", "flexibleExtract")))
    }

    @Test("a reasoning model's predictions are scored after their <think> block; an unclosed block is no answer; --reasoning-tag none scores them whole")
    func reasoningBlocks() throws {
        let path = Self.temporaryPath("gsm8k-think.jsonl")
        try Data("""
            {"answer": "#### 5", "prediction": "<think>Is it #### 7? No: 2 + 3.</think>\\n\\n#### 5"}
            {"answer": "#### 12", "prediction": "Wait, 3 * 4.\\n</think>\\nSo the answer is #### 12"}
            {"answer": "#### 9", "prediction": "<think>The answer might be #### 8, let me check"}

            """.utf8).write(to: URL(fileURLWithPath: path))
        let stripped = try Self.jsonReport([path, "--task", "gsm8k", "--gold-field", "answer"])
        let whole = try Self.jsonReport([path, "--task", "gsm8k", "--gold-field", "answer", "--reasoning-tag", "none"])
        let strict = { (report: [String: Any]) in Self.number((report["files"] as! [[String: Any]])[0]["strictMatch"]) }
        #expect(abs(strict(stripped) - 2.0 / 3) < 1e-12, "the first two answered after the block, the third unanswered")
        #expect(abs(strict(whole) - 1.0 / 3) < 1e-12, "whole: the first takes the #### 7 of its reasoning, the third its #### 8")
        let items = Self.temporaryPath("items.jsonl")
        #expect(try Self.scoreText([path, "--task", "gsm8k", "--gold-field", "answer", "--per-item", items]).status == 0)
        let lines = try String(contentsOfFile: items, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2].contains("[invalid]"), "\(lines[2])")
    }

    @Test("lm-evaluation-harness's samples file is recognised: target against resps[0][0], one item per doc_id; loglikelihood samples are refused by line")
    func lmEvalSamples() throws {
        // The shape `lm_eval --log_samples` writes for gsm8k (one line per document and filter;
        // filtered_resps hold the harness's own extraction, not the text).
        let answer = "2 + 3 = 5\n#### 5"
        let first: [String: Any] = [
            "doc_id": 0, "doc": ["question": "2 + 3?", "answer": answer], "target": answer,
            "arguments": ["gen_args_0": ["arg_0": "Q: 2 + 3?", "arg_1": ["until": ["Q:"]]]],
            "resps": [["<think>#### 6?</think>So #### 5"]], "filtered_resps": ["5"], "filter": "strict-match",
            "metrics": ["exact_match"], "exact_match": 1.0,
        ]
        var second = first
        second["filter"] = "flexible-extract"
        let third: [String: Any] = ["doc_id": 1, "doc": [:], "target": "#### 12", "resps": [["It is 13.\n#### 13"]],
                                    "filtered_resps": ["13"], "filter": "strict-match"]
        let scored: [String: Any] = ["doc_id": 2, "target": "#### 1", "resps": [[[-1.5, false]], [[-0.2, true]]]]
        func write(_ records: [[String: Any]], _ name: String) throws -> String {
            let path = Self.temporaryPath(name)
            let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let path = try write([first, second, third], "samples_gsm8k_2026-12-06.jsonl")
        let report = try Self.jsonReport([path, "--task", "gsm8k"])
        let file = (report["files"] as! [[String: Any]])[0]
        #expect(file["items"] as! Int == 2, "doc 0's second filter line is the same item")
        #expect(Self.number(file["strictMatch"]) == 0.5)
        #expect(try Self.scoreText([path, "--task", "gsm8k", "--input", "fields"]).stderr.contains("\"gold\" is missing"))

        let scores = try write([third, scored], "samples_arc.jsonl")
        let refused = try Self.scoreText([scores, "--task", "gsm8k"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("\(scores):2: field \"resps\""), "\(refused.stderr)")
    }

    @Test("--task mc: letter accuracy equals the multiple-choice pattern's; a gold outside A-D names its line")
    func multipleChoice() throws {
        let report = try Self.jsonReport(["mc.jsonl", "--task", "mc"])
        let file = (report["files"] as! [[String: Any]])[0]
        #expect(Self.number(file["accuracy"]) == Self.number(Self.expected("mc", "accuracy")))

        let badGold = Self.temporaryPath("mc.jsonl")
        try Data("{\"gold\": \"A\", \"prediction\": \"A\"}\n{\"gold\": \"E\", \"prediction\": \"E\"}\n".utf8)
            .write(to: URL(fileURLWithPath: badGold))
        let failed = try Self.scoreText([badGold, "--task", "mc"])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("\(badGold):2: field \"gold\" must be a letter A-D, found \"E\""))
    }

    @Test("--task classification: accuracy, macro-F1, labels and confusion matrices equal scikit-learn's; macro-F1 is compared")
    func classification() throws {
        let names = ["classification_baseline.jsonl", "classification_lora.jsonl"]
        let report = try Self.jsonReport(names + ["--task", "classification"])
        let files = report["files"] as! [[String: Any]]
        for (name, file) in zip(names, files) {
            let reference = Self.expected("classification", name) as! [String: Any]
            #expect(abs(Self.number(file["accuracy"]) - Self.number(reference["accuracy"])) <= 1e-12)
            #expect(abs(Self.number(file["macroF1"]) - Self.number(reference["macroF1"])) <= 1e-12)
            #expect(file["labels"] as! [String] == reference["labels"] as! [String])
            #expect(file["confusion"] as! [[Int]] == reference["confusion"] as! [[Int]])
        }
        let comparison = (report["comparisons"] as! [[String: Any]]).first { $0["metric"] as! String == "Macro-F1" }!
        let difference = Self.number((Self.expected("classification", names[1]) as! [String: Any])["macroF1"])
            - Self.number((Self.expected("classification", names[0]) as! [String: Any])["macroF1"])
        #expect(abs(Self.number(comparison["difference"]) - difference) <= 1e-12)
        #expect((comparison["verdict"] as! String).hasPrefix("classification_lora.jsonl is better on Macro-F1: +0.3400"))

        let markdown = try Self.scoreText(names + ["--task", "classification"]).stdout
        #expect(markdown.contains("### Confusion matrix: classification_baseline.jsonl (rows gold, columns predicted)"))
        #expect(markdown.contains("| gold \\ predicted | Business | Sci/Tech | Sports | World | unknown |"))
    }

    @Test("every task renders as md, csv and json, and its --per-item has one line per item",
          arguments: [["qa_baseline.jsonl"], ["gsm8k.jsonl", "--task", "gsm8k", "--gold-field", "answer"],
                      ["mc.jsonl", "--task", "mc"], ["classification_baseline.jsonl", "--task", "classification"]],
          ["md", "csv", "json"])
    func everyTaskAndFormat(arguments: [String], format: String) throws {
        let out = Self.temporaryPath("items.jsonl")
        let output = try Self.scoreText(arguments + ["--format", format, "--per-item", out])
        #expect(output.status == 0, "\(output.stderr)")
        switch format {
        case "md": #expect(output.stdout.contains("| File | Items |"))
        case "csv": #expect(output.stdout.split(separator: "\n").first?.contains("File,Items") == true)
        default: #expect(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) is [String: Any])
        }
        let inputLines = try Fixtures.text("ScoreTextTests", arguments[0]).split(separator: "\n").count
        let items = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(items.count == inputLines)
        #expect(items.enumerated().allSatisfy { $0.element.hasPrefix("{\"line\":\($0.offset + 1),") })
    }
}
