import Foundation
import Testing
import TestSupport

@Suite("proctor eval: resuming after SIGKILL")
struct EvalResumeTests {
    /// `proctor eval` on 3 problems, n = 2, 24 tokens, greedy, into `out`.
    static func arguments(model: String, out: String) -> [String] {
        ["eval", "--problems", RepositoryPaths.path("problems"), "--limit", "3", "--n", "2", "--threads", "1",
         "--workers", "2", "--out", out, "--checkpoint", "label=greedy,model=\(model),max_tokens=24,temperature=0"]
    }

    /// A report.json without what differs between runs of the same work: time and memory.
    static func comparable(_ path: String) throws -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                var kept: [String: Any] = [:]
                for (key, element) in object where !["slowest_cpu_s", "peak_rss_bytes", "resources"].contains(key) {
                    kept[key] = strip(element)
                }
                return kept
            }
            if let list = value as? [Any] { return list.map(strip) }
            return value
        }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        let data = try JSONSerialization.data(withJSONObject: strip(object), options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }

    static func lines(_ path: String) -> Int {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    @Test("a run killed mid-generation continues where it stopped and reports exactly what an uninterrupted run does",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func killedRunResumes() throws {
        let model = try #require(ModelFiles.smolLM2)
        let directory = NSTemporaryDirectory() + "proctor-eval-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let whole = directory + "/whole", killed = directory + "/killed"

        let uninterrupted = try ProctorBinary.run(Self.arguments(model: model, out: whole))
        #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")
        #expect(Self.lines(whole + "/samples/greedy.jsonl") == 6)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProctorBinary.path)
        process.arguments = Self.arguments(model: model, out: killed)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let samples = killed + "/samples/greedy.jsonl"
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline, process.isRunning, Self.lines(samples) < 2 { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = Self.lines(samples)
        #expect(partial >= 2 && partial < 6, "killed after \(partial) samples")
        #expect(!FileManager.default.fileExists(atPath: killed + "/report.json"))

        let resumed = try ProctorBinary.run(Self.arguments(model: model, out: killed))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("generated \(6 - partial) samples"), "\(resumed.stderr)")
        #expect(Self.lines(samples) == 6, "a sample was lost or made twice")
        #expect(try Self.comparable(killed + "/report.json") == Self.comparable(whole + "/report.json"))

        // Nothing is left to do: a third run generates and judges nothing and reports the same.
        let again = try ProctorBinary.run(Self.arguments(model: model, out: killed))
        #expect(again.stderr.contains("generated 0 samples and judged 0"), "\(again.stderr)")
        #expect(try Self.comparable(killed + "/report.json") == Self.comparable(whole + "/report.json"))
    }

    @Test("a changed sampling setting is refused with the field's name; --force-restart starts again",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func changedSettingRefused() throws {
        let model = try #require(ModelFiles.smolLM2)
        let out = NSTemporaryDirectory() + "proctor-eval-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        func run(temperature: String, _ extra: [String] = []) throws -> ProctorBinary.Output {
            try ProctorBinary.run(["eval", "--problems", RepositoryPaths.path("problems"), "--limit", "1", "--threads", "1",
                                   "--out", out, "--checkpoint", "label=base,model=\(model),max_tokens=4,temperature=\(temperature)"]
                                  + extra)
        }
        let first = try run(temperature: "0")
        #expect(first.status == 0, "\(first.stderr)")
        let changed = try run(temperature: "0.5")
        #expect(changed.status != 0)
        #expect(changed.stderr.contains("field 'checkpoints[0].temperature'"), "\(changed.stderr)")
        #expect(Self.lines(out + "/samples/base.jsonl") == 1, "the refused run must not touch the samples")
        let restarted = try run(temperature: "0.5", ["--force-restart"])
        #expect(restarted.status == 0, "\(restarted.stderr)")
        #expect(restarted.stderr.contains("generated 1 samples"), "\(restarted.stderr)")
        let config = try String(contentsOfFile: out + "/config.json", encoding: .utf8)
        #expect(config.contains("\"temperature\" : 0.5"), "\(config)")
    }

    @Test("a checkpoint's LoRA adapter is applied: eval's samples equal generate --adapter's, and differ from the base's")
    func adapterCheckpoint() throws {
        let directory = NSTemporaryDirectory() + "proctor-eval-adapter-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The tiny Qwen2 folder has the shapes of the LoRA fixtures' base; short plain-completion prompts (prompt style
        // raw: its chat template would give EvalPlus's long prompt) fit its context.
        let model = ModelFiles.fixture("tiny-hf/qwen2")
        let adapter = RepositoryPaths.path("Tests/AdaptersTests/Fixtures/lora/adapters/a")
        let problems = directory + "/problems.jsonl"
        let lines = ["def add(a, b):\n", "def reverse(items):\n"].enumerated().map { index, prompt in
            let object = ["task_id": "Tiny/\(index)", "prompt": prompt, "entry_point": "f",
                          "canonical_solution": "    pass\n", "test": "def check(candidate):\n    pass\n"]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: problems, atomically: true, encoding: .utf8)
        let out = directory + "/run"
        let eval = try ProctorBinary.run([
            "eval", "--problems", problems, "--n", "1", "--threads", "1", "--workers", "1", "--out", out,
            "--checkpoint", "label=lora,model=\(model),adapter=\(adapter),max_tokens=8,temperature=0,prompt_style=raw",
            "--checkpoint", "label=base,model=\(model),max_tokens=8,temperature=0,prompt_style=raw"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let native = directory + "/native.jsonl"
        let generated = try ProctorBinary.run(["generate", "--model", model, "--problems", problems, "--max-tokens", "8",
                                               "--threads", "1", "--prompt-style", "raw", "--adapter", "lora=\(adapter)",
                                               "--out", native])
        #expect(generated.status == 0, "\(generated.stderr)")
        func outputs(_ path: String) throws -> [String: String] {
            var byProblem: [String: String] = [:]
            for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
                let record = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                byProblem[record["problem_id"] as? String ?? ""] = record["output"] as? String
            }
            return byProblem
        }
        let adapted = try outputs(out + "/samples/lora.jsonl")
        #expect(adapted.count == 2)
        #expect(adapted == (try outputs(native)))
        #expect(adapted != (try outputs(out + "/samples/base.jsonl")), "the adapter changes what the model writes")
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("adapter_config") || manifest.contains(adapter), "the manifest records the adapter")
    }

    @Test("two adapters on one checkpoint are refused naming the field, and misspelt checkpoint keys are named")
    func refusedInputs() throws {
        let model = ModelFiles.fixture("tiny.gguf")
        let out = NSTemporaryDirectory() + "proctor-eval-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let adapters = RepositoryPaths.path("Tests/AdaptersTests/Fixtures/lora/adapters")
        let config = [
            "problems": ["path": RepositoryPaths.path("problems"), "limit": 1] as [String: Any],
            "checkpoints": [["label": "lora", "model": model, "adapter": [adapters + "/a", adapters + "/b"]]],
            "out": out,
        ] as [String: Any]
        let configPath = NSTemporaryDirectory() + "proctor-eval-config-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: configPath) }
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: configPath))
        let adapter = try ProctorBinary.run(["eval", "--config", configPath])
        #expect(adapter.status != 0)
        #expect(adapter.stderr.contains("field 'checkpoints[0].adapter'"), "\(adapter.stderr)")
        #expect(adapter.stderr.contains("one adapter per checkpoint"), "\(adapter.stderr)")
        var arguments = Self.arguments(model: model, out: out)
        arguments[arguments.count - 1] = "label=base,model=\(model),max_tokens=24,temperture=0"
        let misspelt = try ProctorBinary.run(arguments)
        #expect(misspelt.status != 0)
        #expect(misspelt.stderr.contains("field '--checkpoint.temperture': unknown field"), "\(misspelt.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/samples"), "nothing may be written")
    }
}
