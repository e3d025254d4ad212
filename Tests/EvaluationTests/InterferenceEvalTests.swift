import Adapters
import Foundation
import Testing
import TestSupport

@Suite("proctor eval: merge checkpoints and the interference table")
struct InterferenceEvalTests {
    /// Two HumanEval-style problems whose outcomes the prompts fix, whatever the tiny model
    /// writes: each prompt ends by opening a raw string that the test closes, so the completion
    /// (taken whole: prompt style raw, extractor none) is a string's content. The first passes,
    /// the second fails, so every checkpoint's Pass@1 is 50%.
    static func writeProblems(_ path: String) throws {
        let problems = [("Tiny/0", "def f():\n    return 1\n\n\n_ = r\"\"\"", "f", 1),
                        ("Tiny/1", "def g():\n    return 1\n\n\n_ = r\"\"\"", "g", 2)]
        let lines = try problems.map { id, prompt, entryPoint, expected in
            let object = ["task_id": id, "prompt": prompt, "entry_point": entryPoint, "canonical_solution": "",
                          "test": "\"\"\"\ndef check(candidate):\n    assert candidate() == \(expected)\n"]
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Classification predictions on four items (gold World, Sports, World, Sports): a says World
    /// every time (macro-F1 1/3), b is right every time (1), the merge misses one World (11/15).
    static let predictions: [String: [String]] = [
        "a": ["World", "World", "World", "World"], "b": ["World", "Sports", "World", "Sports"],
        "ab": ["World", "Sports", "Sports", "Sports"],
    ]

    static func writePredictions(_ folder: String) throws {
        let gold = ["World", "Sports", "World", "Sports"]
        for (label, predicted) in predictions {
            let lines = zip(gold, predicted).map { #"{"gold": "\#($0)", "prediction": "\#($1)"}"# }
            try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/news_\(label).jsonl", atomically: true, encoding: .utf8)
        }
    }

    /// The configuration: adapters a and b on the tiny Qwen2 folder, their linear merge, the
    /// news predictions, and each task's own checkpoint (code: a, news: b).
    static func config(folder: String, weights: [Double] = [0.5, 0.5]) -> [String: Any] {
        let model = ModelFiles.fixture("tiny-hf/qwen2")
        let adapters = RepositoryPaths.path("Tests/AdaptersTests/Fixtures/lora/adapters")
        let sampling: [String: Any] = ["model": model, "max_tokens": 8, "temperature": 0, "prompt_style": "raw",
                                       "extractor": "none"]
        return [
            "problems": ["path": folder + "/problems.jsonl"],
            "checkpoints": [
                sampling.merging(["label": "a", "adapter": adapters + "/a"]) { $1 },
                sampling.merging(["label": "b", "adapter": adapters + "/b"]) { $1 },
                sampling.merging(["label": "ab", "merge": ["method": "linear", "adapters": [adapters + "/a", adapters + "/b"],
                                                           "weights": weights]]) { $1 },
            ],
            "text": [["name": "news", "task": "classification",
                      "predictions": Dictionary(uniqueKeysWithValues: predictions.keys.map { ($0, folder + "/news_\($0).jsonl") })]],
            "interference": ["own": ["code": "a", "news": "b"]],
            "threads": 1, "judge": ["workers": 1], "out": folder + "/run",
        ]
    }

    static func writeConfig(_ config: [String: Any], to path: String) throws {
        try JSONSerialization.data(withJSONObject: config, options: .sortedKeys).write(to: URL(fileURLWithPath: path))
    }

    /// Problem id → raw output of a samples file.
    static func outputs(_ path: String) throws -> [String: String] {
        var byProblem: [String: String] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let record = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            byProblem[record["problem_id"] as? String ?? ""] = record["output"] as? String
        }
        return byProblem
    }

    @Test("a linear merge of two adapters is made once into merges/<label>/, applied, reused on resume, and scored against each task's own adapter")
    func mergeAndInterference() throws {
        let folder = NSTemporaryDirectory() + "proctor-interference-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.writeProblems(folder + "/problems.jsonl")
        try Self.writePredictions(folder)
        let configPath = folder + "/config.json"
        try Self.writeConfig(Self.config(folder: folder), to: configPath)
        let run = folder + "/run"
        // Leftovers of a merge killed half-way are cleared, never used.
        try FileManager.default.createDirectory(atPath: run + "/merges/.ab.partial", withIntermediateDirectories: true)
        try Data("junk".utf8).write(to: URL(fileURLWithPath: run + "/merges/.ab.partial/adapter_model.safetensors"))

        let first = try ProctorBinary.run(["eval", "--config", configPath])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("generated 6 samples"), "\(first.stderr)")
        #expect(!FileManager.default.fileExists(atPath: run + "/merges/.ab.partial"))

        // merges/ab/ is a PEFT adapter equal to merging a and b directly.
        let adapters = RepositoryPaths.path("Tests/AdaptersTests/Fixtures/lora/adapters")
        let merged = try LoRAAdapter(directory: run + "/merges/ab")
        let expected = try AdapterMerger.merge([LoRAAdapter(directory: adapters + "/a"), LoRAAdapter(directory: adapters + "/b")],
                                               options: MergeOptions(method: .linear, weights: [0.5, 0.5]))
        #expect(merged.config.rank == 4 && Set(merged.pairs.keys) == Set(expected.pairs.keys))
        for (module, pair) in expected.pairs {
            #expect(merged.pairs[module]?.a.values == pair.a.values && merged.pairs[module]?.b.values == pair.b.values, "\(module)")
        }

        // The merge changes what the model writes: its samples are neither adapter's.
        let outputs = try ["a", "b", "ab"].map { try Self.outputs(run + "/samples/\($0).jsonl") }
        #expect(outputs.allSatisfy { $0.count == 2 })
        #expect(outputs[2] != outputs[0] && outputs[2] != outputs[1], "\(outputs)")

        // The manifest records the merge's inputs by hash and its settings.
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: run + "/manifest.json")))
            as? [String: Any])
        let checkpoints = try #require(manifest["checkpoints"] as? [[String: Any]])
        let record = try #require(checkpoints.first { $0["label"] as? String == "ab" }?["merge"] as? [String: Any])
        #expect(record["method"] as? String == "linear" && record["weights"] as? [Double] == [0.5, 0.5])
        #expect((record["adapters"] as? [[String: Any]])?.compactMap { $0["sha256"] as? String }.count == 2)

        // The interference table: code at 50% everywhere (own: a), news against b's perfect 1.
        let report = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: run + "/report.json")))
            as? [String: Any])
        let table = try #require(report["interference"] as? [String: Any])
        let tasks = try #require(table["tasks"] as? [[String: Any]])
        #expect(tasks.map { $0["name"] as? String } == ["code", "news"])
        #expect(tasks.map { $0["metric"] as? String } == ["Pass@1", "Macro-F1"])
        #expect(tasks.map { $0["own"] as? String } == ["a", "b"])
        let rows = try #require(table["rows"] as? [[String: Any]])
        #expect(rows.map { $0["checkpoint"] as? String } == ["a", "b", "ab"])
        func cell(_ row: Int, _ column: Int) throws -> [String: Any] {
            try #require((rows[row]["cells"] as? [Any])?[column] as? [String: Any])
        }
        func score(_ cell: [String: Any]) -> Double? { (cell["score"] as? [String: Any])?["value"] as? Double }
        for row in 0..<3 {
            #expect(try score(cell(row, 0)) == 0.5)
            #expect(try cell(row, 0)["change"] as? Double == 0)
            #expect(try cell(row, 0)["own"] as? Bool == (row == 0))
        }
        #expect(try abs(score(cell(0, 1))! - 1.0 / 3) < 1e-12)
        #expect(try abs((cell(0, 1)["change"] as? Double)! - -2.0 / 3) < 1e-12)
        #expect(try score(cell(1, 1)) == 1 && cell(1, 1)["own"] as? Bool == true)
        #expect(try abs(score(cell(2, 1))! - 11.0 / 15) < 1e-12)
        #expect(try abs((cell(2, 1)["change"] as? Double)! - -4.0 / 15) < 1e-12)
        #expect(try abs((cell(2, 1)["relative_change"] as? Double)! - -4.0 / 15) < 1e-12)
        let markdown = try String(contentsOfFile: run + "/report.md", encoding: .utf8)
        for part in ["## Interference", "| checkpoint | code (Pass@1; own: a) | news (Macro-F1; own: b) |",
                     "| a | **50.0% [9.5%, 90.5%]** (own) | 33.3% [", "; -66.7 pp (-66.7%) |",
                     "| b | 50.0% [9.5%, 90.5%]; +0.0 pp (+0.0%) | **100.0% [100.0%, 100.0%]** (own) |",
                     "| ab | 50.0% [9.5%, 90.5%]; +0.0 pp (+0.0%) | 73.3% [", "; -26.7 pp (-26.7%) |",
                     "+ linear merge of a (sha256"] {
            #expect(markdown.contains(part), "report.md is missing \(part):\n\(markdown)")
        }
        #expect(try String(contentsOfFile: run + "/report.html", encoding: .utf8).contains("<h2>Interference</h2>"))

        // Resume: the merge is reused (not rewritten) to regenerate the merge checkpoint's lost samples.
        let weightsFile = run + "/merges/ab/adapter_model.safetensors"
        let before = try FileManager.default.attributesOfItem(atPath: weightsFile)
        try FileManager.default.removeItem(atPath: run + "/samples/ab.jsonl")
        let resumed = try ProctorBinary.run(["eval", "--config", configPath])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("generated 2 samples"), "\(resumed.stderr)")
        let after = try FileManager.default.attributesOfItem(atPath: weightsFile)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        let inode = try #require((before[.systemFileNumber] as? NSNumber)?.uint64Value)
        #expect((after[.systemFileNumber] as? NSNumber)?.uint64Value == inode, "the merge was redone")
        #expect(try Self.outputs(run + "/samples/ab.jsonl") == outputs[2])

        // Other weights would make another adapter: refused naming the field, nothing touched.
        try Self.writeConfig(Self.config(folder: folder, weights: [0.25, 0.75]), to: configPath)
        let changed = try ProctorBinary.run(["eval", "--config", configPath])
        #expect(changed.status != 0)
        #expect(changed.stderr.contains("field 'checkpoints[2].merge.weights'"), "\(changed.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: weightsFile)[.modificationDate] as? Date
            == before[.modificationDate] as? Date)
    }

    @Test("adapters a merge method cannot combine are refused at run time naming the checkpoint's merge; nothing is left in merges/")
    func incompatibleMergeRefused() throws {
        let folder = NSTemporaryDirectory() + "proctor-interference-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.writeProblems(folder + "/problems.jsonl")
        let adapters = RepositoryPaths.path("Tests/AdaptersTests/Fixtures/lora/adapters")
        // a has rank 4, d rank 2: linear combines A and B separately and needs equal ranks.
        let config: [String: Any] = [
            "problems": ["path": folder + "/problems.jsonl"], "out": folder + "/run",
            "checkpoints": [["label": "ad", "model": ModelFiles.fixture("tiny-hf/qwen2"), "max_tokens": 4,
                             "merge": ["method": "linear", "adapters": [adapters + "/a", adapters + "/d"], "weights": [1, 1]]]],
        ]
        try Self.writeConfig(config, to: folder + "/config.json")
        let refused = try ProctorBinary.run(["eval", "--config", folder + "/config.json"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("field 'checkpoints[0].merge'") && refused.stderr.contains("needs equal ranks"),
                "\(refused.stderr)")
        let merges = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/run/merges")) ?? []
        #expect(merges.isEmpty, "\(merges)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/run/samples/ad.jsonl"))
    }
}
