import Foundation
import Synchronization
import Testing
import TestSupport

/// `proctor generate --backend openai` over loopback: against `proctor serve` (the same greedy
/// samples as the native backend) and against a scripted fault server (nothing lost, nothing
/// repeated).
@Suite("proctor generate --backend openai", .serialized)
struct RemoteGenerationTests {
    /// A temporary folder removed by `cleanUp`.
    let directory = NSTemporaryDirectory() + "proctor-remote-\(UUID().uuidString)"
    static let problems = RepositoryPaths.path("problems")
    /// Three LiveCodeBench problems with short statements (short prompts keep the model test quick).
    static let shortProblems = RepositoryPaths.path("Tests/JudgeTests/Fixtures/livecodebench_lite.jsonl")

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// The real Python interpreter (the pyenv shim is slow to start).
    static var python: String {
        if let python = ProcessInfo.processInfo.environment["PYTHON"] { return python }
        return ["/root/.pyenv/versions/3.11.7/bin/python3", "/usr/bin/python3", "/usr/local/bin/python3"]
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/python3"
    }

    /// Starts the fault server with `arguments`; returns it and its API root.
    func faultServer(_ arguments: [String], log: String) throws -> (ServerProcess, String) {
        let script = RepositoryPaths.path("Tests/RemoteTests/Fixtures/fault_server.py")
        let server = try ServerProcess(executable: Self.python, arguments: [script, "--log", log] + arguments,
                                       startupSeconds: 30)
        let port = try #require(server.firstLine.split(separator: " ").last)
        return (server, "http://127.0.0.1:\(port)/v1")
    }

    /// The samples file's records keyed by (problem, sample index).
    func records(_ path: String) throws -> [String: [String: Any]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        var byKey: [String: [String: Any]] = [:]
        for line in lines {
            let record = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let key = "\(record["problem_id"] ?? "")#\(record["sample_index"] ?? "")"
            #expect(byKey[key] == nil, "sample \(key) is written twice")
            byKey[key] = record
        }
        #expect(byKey.count == lines.count)
        return byKey
    }

    /// The arguments of a remote run over the first three problems.
    func remoteArguments(_ url: String, out: String, extra: [String], problems: String = Self.problems) -> [String] {
        ["generate", "--backend", "openai", "--base-url", url, "--problems", problems, "--limit", "3",
         "--out", out, "--checkpoint-label", "smol"] + extra
    }

    @Test("a LoRA adapter served under its name gives generate --adapter's greedy samples, the base name the base's, both clients at once")
    func servedAdapterMatchesNative() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The tiny Qwen2 folder has the module shapes of the LoRA fixtures' tiny base, so their adapter fits it.
        let model = ModelFiles.fixture("tiny-hf/qwen2")
        let adapter = RepositoryPaths.path("Tests/AdaptersTests/Fixtures/lora/adapters/a")
        let server = try ServerProcess(executable: ProctorBinary.path, arguments: [
            "serve", "--model", model, "--port", "0", "--served-model-name", "base", "--adapter", "code=\(adapter)", "--threads", "1"])
        defer { server.stop() }
        #expect(server.firstLine.hasSuffix("serving base, code"), "\(server.firstLine)")
        let url = try #require(server.firstLine.split(separator: " ").dropFirst(2).first.map(String.init))
        // Plain-completion (HumanEval-format) problems: short prompts that fit the tiny model's context.
        let problems = directory + "/short-prompts.jsonl"
        let lines = ["def add(a, b):\n", "def reverse(items):\n", "import sys\n\ndef main():\n"].enumerated().map { index, prompt in
            let object: [String: String] = ["task_id": "Tiny/\(index)", "prompt": prompt, "entry_point": "f",
                                            "canonical_solution": "    pass\n", "test": "def check(candidate):\n    pass\n"]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: problems, atomically: true, encoding: .utf8)
        var outputs: [String: [String: [String: Any]]] = [:]
        let labels = ["code", "base"]
        for label in labels {
            let native = directory + "/native-\(label).jsonl"
            let selection = label == "base" ? ["--checkpoint-label", "base"] : ["--adapter", "code=\(adapter)"]
            // Plain completions on both sides (the tiny model has a chat template, but EvalPlus's
            // prompt does not fit its context); HumanEval's five stop strings exceed a request's four.
            let ran = try ProctorBinary.run(["generate", "--model", model, "--problems", problems, "--prompt-style", "raw",
                                             "--max-tokens", "8", "--threads", "1", "--out", native] + selection)
            #expect(ran.status == 0, "\(ran.stderr)")
            outputs[label] = try records(native)
        }
        // Both clients at once, three requests in flight each: the server interleaves the base's
        // batch and the adapter's, taking turns.
        let runs = Mutex<[String: ProctorBinary.Output]>([:])
        DispatchQueue.concurrentPerform(iterations: labels.count) { index in
            let label = labels[index]
            let output = try? ProctorBinary.run(["generate", "--backend", "openai", "--base-url", url, "--problems",
                                                 problems, "--max-tokens", "8", "--prompt-style", "raw", "--concurrency", "3",
                                                 "--checkpoint-label", label, "--out", directory + "/remote-\(label).jsonl"])
            runs.withLock { $0[label] = output }
        }
        for label in labels {
            let generated = try #require(runs.withLock { $0[label] })
            #expect(generated.status == 0, "\(generated.stderr)")
            let expected = try #require(outputs[label]), got = try records(directory + "/remote-\(label).jsonl")
            #expect(expected.count == 3 && Set(got.keys) == Set(expected.keys))
            for (key, record) in expected {
                #expect(got[key]?["output"] as? String == record["output"] as? String, "\(label) \(key)")
                #expect(record["checkpoint"] as? String == label)
            }
        }
        let differing = outputs["code", default: [:]].filter { key, record in
            outputs["base"]?[key]?["output"] as? String != record["output"] as? String
        }
        #expect(!differing.isEmpty, "the adapter changes what the model writes")
    }

    @Test("greedy samples through proctor serve are the native backend's, field for field; with --chat-template the default prefilled prompts are too",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func greedyMatchesNative() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = try #require(ModelFiles.smolLM2)
        let native = directory + "/native.jsonl"
        // LiveCodeBench's prompts: the native default for stdin problems (stdin-instruct) prefills
        // the reply, which a chat API cannot, so the two backends would be asked different things.
        let ran = try ProctorBinary.run(["generate", "--model", model, "--problems", Self.shortProblems, "--limit", "3",
                                         "--max-tokens", "12", "--checkpoint-label", "smol", "--out", native,
                                         "--prompt-style", "livecodebench"])
        #expect(ran.status == 0, "\(ran.stderr)")

        let server = try ServerProcess(executable: ProctorBinary.path,
                                       arguments: ["serve", "--model", model, "--port", "0", "--served-model-name", "smol"])
        defer { server.stop() }
        let url = try #require(server.firstLine.split(separator: " ").dropFirst(2).first.map(String.init))
        let remote = directory + "/remote.jsonl"
        let generated = try ProctorBinary.run(remoteArguments(
            url, out: remote, extra: ["--max-tokens", "12", "--concurrency", "3", "--prompt-style", "livecodebench"],
            problems: Self.shortProblems))
        #expect(generated.status == 0, "\(generated.stderr)")

        let expected = try records(native)
        let got = try records(remote)
        #expect(expected.count == 3)
        #expect(Set(got.keys) == Set(expected.keys))
        for (key, record) in expected {
            for field in ["output", "code", "prompt_tokens", "completion_tokens", "stop_reason", "seed", "checkpoint"] {
                #expect(got[key]?[field] as? NSObject == record[field] as? NSObject, "\(key): \(field) differs")
            }
        }

        // The default style prefills the reply; templated here and sent as a completion, the
        // server is fed the very text the native engine decodes.
        let nativePrefilled = directory + "/native-prefilled.jsonl", remotePrefilled = directory + "/remote-prefilled.jsonl"
        let ranPrefilled = try ProctorBinary.run(["generate", "--model", model, "--problems", Self.shortProblems, "--limit", "3",
                                                  "--max-tokens", "12", "--checkpoint-label", "smol", "--out", nativePrefilled])
        #expect(ranPrefilled.status == 0, "\(ranPrefilled.stderr)")
        let templated = try ProctorBinary.run(remoteArguments(
            url, out: remotePrefilled, extra: ["--max-tokens", "12", "--chat-template", model], problems: Self.shortProblems))
        #expect(templated.status == 0, "\(templated.stderr)")
        let nativeRecords = try records(nativePrefilled), remoteRecords = try records(remotePrefilled)
        #expect(nativeRecords.count == 3 && Set(remoteRecords.keys) == Set(nativeRecords.keys))
        #expect(nativeRecords.values.contains { ($0["response_prefix"] as? String)?.isEmpty == false },
                "no default prompt was prefilled")
        for (key, record) in nativeRecords {
            for field in ["prompt", "response_prefix", "chat_template", "prompt_format", "output", "code", "prompt_tokens",
                          "completion_tokens", "stop_reason"] {
                #expect(remoteRecords[key]?[field] as? NSObject == record[field] as? NSObject, "\(key): \(field) differs")
            }
        }
    }

    @Test("500, a dropped connection, a slow answer, malformed and truncated JSON and a 429 lose or repeat no sample")
    func faultsLoseNothing() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let options = ["--n", "4", "--samples-per-request", "2", "--concurrency", "2", "--request-timeout", "2",
                       "--temperature", "0.7", "--seed", "5"]
        let (clean, cleanURL) = try faultServer([], log: directory + "/clean.log")
        let reference = directory + "/reference.jsonl"
        let first = try ProctorBinary.run(remoteArguments(cleanURL, out: reference, extra: options))
        clean.stop()
        #expect(first.status == 0, "\(first.stderr)")

        let log = directory + "/faults.log"
        let (faulty, url) = try faultServer(["--script", "500,drop,slow:4,malformed,429:1,truncated,500"], log: log)
        defer { faulty.stop() }
        let out = directory + "/samples.jsonl"
        let run = try ProctorBinary.run(remoteArguments(url, out: out, extra: options))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("HTTP 500"))
        #expect(run.stderr.contains("HTTP 429"))
        #expect(run.stderr.contains("no complete answer within 2.0 s"))
        #expect(run.stderr.contains("field choices[0].text is missing") || run.stderr.contains("field choices[0].message is missing"))

        let expected = try records(reference)
        let got = try records(out)
        #expect(expected.count == 12)
        #expect(Set(got.keys) == Set(expected.keys))
        for (key, record) in expected {
            #expect(got[key]?["output"] as? String == record["output"] as? String, "\(key)")
        }
        // Six requests answered, seven faults retried.
        let actions = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(actions.count == 13)
    }

    /// Pooled keep-alive connections that the server closes without answering once stalled a
    /// run for good (URLSession on Linux); every exchange now has a connection of its own.
    @Test("connections closed without an answer among answered ones, four requests in flight: every sample, once")
    func droppedConnectionsNeverStall() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = "ok,drop,500,drop,429:1,truncated,drop,ok,drop,drop,ok,500,drop,ok,drop"
        let (server, url) = try faultServer(["--script", script], log: directory + "/log")
        defer { server.stop() }
        let out = directory + "/samples.jsonl"
        // A stall shows as attempts timing out and the run giving up, not as a hang.
        let run = try ProctorBinary.run(["generate", "--backend", "openai", "--base-url", url, "--problems", Self.problems,
                                         "--limit", "12", "--n", "3", "--concurrency", "4", "--request-timeout", "20",
                                         "--max-attempts", "8", "--out", out, "--checkpoint-label", "smol"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Empty reply") || run.stderr.contains("connection"), "drops were met: \(run.stderr)")
        #expect(!run.stderr.contains("no complete answer"), "no attempt waited out its timeout: \(run.stderr)")
        let got = try records(out)
        #expect(got.count == 36)
    }

    @Test("an answer holding only choices and usage (no id, object, created or model) is taken; the requested model is recorded")
    func bareAnswersAreTaken() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (server, url) = try faultServer(["--bare"], log: directory + "/log")
        defer { server.stop() }
        let out = directory + "/samples.jsonl"
        let run = try ProctorBinary.run(remoteArguments(url, out: out, extra: ["--remote-model", "served-name"]))
        #expect(run.status == 0, "\(run.stderr)")
        let got = try records(out)
        #expect(got.count == 3)
        #expect(got.values.allSatisfy { $0["model"] as? String == "served-name" && ($0["output"] as? String)?.isEmpty == false })
    }

    @Test("--request-field adds a server's own option to every request body as JSON and records it in each sample")
    func requestFieldsAreSentAndRecorded() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/log"
        let (server, url) = try faultServer([], log: log)
        defer { server.stop() }
        let out = directory + "/samples.jsonl"
        let run = try ProctorBinary.run(remoteArguments(url, out: out, extra: [
            "--request-field", "repeat_penalty=1.0", "--request-field", "grammar=\"root ::= [a-z]\"",
            "--request-field", "logit_bias={\"15\": -100}",
        ]))
        #expect(run.status == 0, "\(run.stderr)")
        let bodies = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map {
            try #require((JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["body"] as? [String: Any])
        }
        #expect(bodies.count == 3)
        for body in bodies {
            #expect(body["repeat_penalty"] as? Double == 1.0)
            #expect(body["grammar"] as? String == "root ::= [a-z]")
            #expect((body["logit_bias"] as? [String: Any])?["15"] as? Double == -100)
            #expect(body["model"] as? String == "smol", "Proctor's own fields are still sent")
        }
        let recorded = try records(out).values.map { $0["request_fields"] as? [String] }
        #expect(recorded.allSatisfy { $0 == ["grammar=\"root ::= [a-z]\"", "logit_bias={\"15\":-100}", "repeat_penalty=1"] },
                "\(recorded)")
    }

    @Test("--request-field refuses a field Proctor sets itself, a value that is not JSON, and the native backend; nothing is written")
    func badRequestFieldsAreRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = directory + "/samples.jsonl"
        let cases: [([String], String)] = [
            (["--backend", "openai", "--base-url", "http://127.0.0.1:9/v1", "--request-field", "top_p=0.5"],
             "--request-field top_p: Proctor sets this field itself"),
            (["--backend", "openai", "--base-url", "http://127.0.0.1:9/v1", "--request-field", "repeat_penalty=one"],
             "--request-field repeat_penalty: 'one' is not JSON"),
            (["--backend", "openai", "--base-url", "http://127.0.0.1:9/v1", "--request-field", "=1"],
             "expected NAME=JSON"),
            (["--request-field", "repeat_penalty=1.0"], "--request-field needs --backend openai"),
        ]
        for (arguments, message) in cases {
            let run = try ProctorBinary.run(["generate", "--problems", Self.problems, "--limit", "1", "--out", out,
                                             "--checkpoint-label", "smol"] + arguments)
            #expect(run.status != 0)
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test("a server that ignores n is asked again, one sample at a time, for the rest")
    func ignoredNIsRequestedAgain() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (server, url) = try faultServer(["--ignore-n"], log: directory + "/log")
        defer { server.stop() }
        let out = directory + "/samples.jsonl"
        let run = try ProctorBinary.run(remoteArguments(url, out: out, extra: ["--n", "3", "--concurrency", "1"]))
        #expect(run.status == 0, "\(run.stderr)")
        let got = try records(out)
        #expect(got.count == 9)
        #expect(Set(got.values.compactMap { $0["output"] as? String }).count == 9, "each sample has its own seed")
    }

    @Test("an answer that stays malformed fails the run naming the request and the field; finished samples stay")
    func persistentMalformedAnswerIsAnError() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (server, url) = try faultServer(["--script", "ok", "--then", "malformed"], log: directory + "/log")
        defer { server.stop() }
        let out = directory + "/samples.jsonl"
        let run = try ProctorBinary.run(remoteArguments(url, out: out, extra: ["--concurrency", "1", "--max-attempts", "2"]))
        #expect(run.status != 0)
        #expect(run.stderr.contains("gave up after 2 attempts"), "\(run.stderr)")
        #expect(run.stderr.contains("problem e002"), "\(run.stderr)")
        #expect(run.stderr.contains("malformed answer: field choices[0].message is missing"), "\(run.stderr)")
        #expect(try records(out).count == 1)
    }

    @Test("a run interrupted with SIGINT resumes: every sample once, as an uninterrupted run writes it")
    func interruptedRunResumes() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let options = ["--n", "2", "--samples-per-request", "1", "--concurrency", "1", "--resume"]
        let (fast, fastURL) = try faultServer([], log: directory + "/fast.log")
        let reference = directory + "/reference.jsonl"
        let clean = try ProctorBinary.run(remoteArguments(fastURL, out: reference, extra: options))
        fast.stop()
        #expect(clean.status == 0, "\(clean.stderr)")

        let (slow, url) = try faultServer(["--then", "slow-ok:0.5"], log: directory + "/slow.log")
        defer { slow.stop() }
        let out = directory + "/samples.jsonl"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProctorBinary.path)
        process.arguments = remoteArguments(url, out: out, extra: options)
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var written = 0
        while Date() < deadline && process.isRunning && written < 2 {
            Thread.sleep(forTimeInterval: 0.05)
            written = ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n").count
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let partial = try records(out).count
        #expect(partial >= 2 && partial < 6, "interrupted after \(partial) samples")

        let resumed = try ProctorBinary.run(remoteArguments(url, out: out, extra: options))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let expected = try records(reference)
        let got = try records(out)
        #expect(got.count == 6)
        for (key, record) in expected {
            #expect(got[key]?["output"] as? String == record["output"] as? String, "\(key)")
        }
    }
}
