import Adapters
import Evaluation
import Foundation
import Testing
import TestSupport

@Suite("proctor eval's configuration and file hashes")
struct EvalConfigTests {
    static func write(_ json: String) throws -> String {
        try TemporaryFiles.write(json, prefix: "proctor-config", suffix: ".json")
    }

    @Test("a configuration file: defaults, paths taken from its folder, the adapter field accepted as data")
    func reads() throws {
        let path = try Self.write("""
            {"problems": {"path": "problems", "limit": 3, "difficulty": "easy"}, "n": 2, "out": "runs/x",
             "checkpoints": [{"label": "base", "model": "m.gguf"},
                             {"label": "lora", "model": "/abs/m.gguf", "adapter": ["a", "b"], "temperature": 0.2,
                              "top_p": 0.95, "max_tokens": 64, "seed": 7}],
             "judge": {"workers": 1, "time_limit_factor": 2}}
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = try EvalConfig.load(path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        #expect(config.problems.path == folder + "/problems")
        #expect(config.problems.limit == 3 && config.problems.difficulties == ["easy"])
        #expect(config.out == folder + "/runs/x")
        #expect(config.samplesPerProblem == 2)
        #expect(config.checkpoints[0] == CheckpointSpec(label: "base", model: folder + "/m.gguf"))
        #expect(config.checkpoints[1] == CheckpointSpec(label: "lora", model: "/abs/m.gguf", adapters: [folder + "/a", folder + "/b"],
                                                        temperature: 0.2, topP: 0.95, maxTokens: 64, seed: 7))
        #expect(config.judge.workers == 1 && config.judge.timeLimitFactor == 2 && !config.judge.allTests)
    }

    @Test("bad configurations name the file and the field", arguments: [
        (#"{"problems": {"path": "p"}, "checkpoints": [{"label": "a", "model": "m", "temprature": 1}]}"#,
         "field 'checkpoints[0].temprature': unknown field"),
        (#"{"problems": {"path": "p"}, "n": true, "checkpoints": [{"label": "a", "model": "m"}]}"#, "field 'n': expected a number"),
        (#"{"problems": {"path": "p"}, "checkpoints": [{"label": "a", "model": "m", "top_p": 0}]}"#,
         "field 'checkpoints[0].top_p': must be in (0, 1]"),
        (#"{"problems": {"path": "p"}, "checkpoints": [{"label": "a/b", "model": "m"}]}"#, "field 'checkpoints[0].label'"),
        (#"{"problems": {"path": "p"}, "checkpoints": [{"label": "a", "model": "m"}, {"label": "a", "model": "m"}]}"#,
         "field 'checkpoints[1].label': label 'a' is used twice"),
        (#"{"problems": {"path": "p"}, "checkpoints": []}"#, "field 'checkpoints': missing or empty"),
        (#"{"checkpoints": [{"label": "a", "model": "m"}]}"#, "field 'problems': missing"),
        (#"{"problems": {"path": "p"}, "checkpoints": [{"label": "a", "model": "m"}], "text": [{"predictions": {"b": "x.jsonl"}}]}"#,
         "field 'text[0].predictions.b': 'b' is not a checkpoint label"),
        (#"{"problems": {"path": "p"}, "checkpoints": [{"label": "a", "model": "m"}], "judge": {"all_tests": 1}}"#,
         "field 'judge.all_tests': expected true or false"),
        (#"{"problems": {"path": "p"}, "checkpoints": [{"label": "a", "model": "m"}],"#, "not valid JSON"),
        (#"{"problems": {"path": "p"}, "checkpoints": [{"label": "a", "model": "m", "trained_until": "2024-1-1"}]}"#,
         "field 'checkpoints[0].trained_until': '2024-1-1' is not a date written YYYY-MM-DD"),
        (#"{"problems": {"path": "p"}, "checkpoints": [{"label": "a", "model": "m", "language": "cobol"}]}"#,
         "field 'checkpoints[0].language': 'cobol' is not one of: python, c, cpp17"),
    ])
    func refuses(json: String, message: String) throws {
        let path = try Self.write(json)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: EvaluationError.self) { try EvalConfig.load(path) }
        #expect(error.description.hasPrefix(path + ": "), "\(error)")
        #expect(error.description.contains(message), "\(error)")
    }

    /// A configuration with checkpoints a, b and m: `merge` holds m's further keys; `text` and
    /// `interference` are appended at the top level (each starting with a comma).
    static func mergeConfig(merge: String, interference: String = "", text: String = "") -> String {
        """
        {"problems": {"path": "p"}, "checkpoints": [{"label": "a", "model": "m.gguf"}, {"label": "b", "model": "m.gguf"},
          {"label": "m", "model": "m.gguf", \(merge)}]\(text)\(interference)}
        """
    }

    @Test("a merge checkpoint and an interference table are read: paths from the file's folder, proctor merge's options")
    func readsMergeAndInterference() throws {
        let path = try Self.write(Self.mergeConfig(
            merge: #""merge": {"method": "ties", "adapters": ["ad/a", "/abs/b"], "weights": [0.7, 0.3], "density": 0.2, "#
                + #""majority_sign": "frequency", "dtype": "bf16"}"#,
            interference: #", "interference": {"own": {"code": "a", "news": "b"}}"#,
            text: #", "text": [{"name": "news", "task": "classification", "predictions": {"b": "b.jsonl", "m": "m.jsonl"}}]"#))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = try EvalConfig.load(path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        let merge = try #require(config.checkpoints[2].merge)
        #expect(merge.adapters == [folder + "/ad/a", "/abs/b"])
        #expect(merge.options == MergeOptions(method: .ties, weights: [0.7, 0.3], density: 0.2, majoritySign: .frequency))
        #expect(merge.elementType == .bfloat16)
        #expect(config.checkpoints[2].adapters.isEmpty && config.checkpoints[0].merge == nil)
        #expect(config.interference == InterferenceSpec(own: ["code": "a", "news": "b"]))
        #expect(config.interference?.tasks(text: config.text) == ["code", "news"])
        // config.json keeps the merge in the file's own terms.
        let json = String(decoding: try config.json(), as: UTF8.self)
        for part in [#""method" : "ties""#, #""majority_sign" : "frequency""#, #""dtype" : "bf16""#, #""density" : 0.2"#,
                     #""own" : {"#] {
            #expect(json.contains(part), "config.json lacks \(part): \(json)")
        }
    }

    @Test("bad merges and interference tables name the field", arguments: [
        (EvalConfigTests.mergeConfig(merge: #""adapter": "x", "merge": {"method": "linear", "adapters": ["a", "b"], "weights": [1, 1]}"#),
         "field 'checkpoints[2].merge': give either \"adapter\""),
        (EvalConfigTests.mergeConfig(merge: #""merge": {"method": "lineer", "adapters": ["a", "b"], "weights": [1, 1]}"#),
         "field 'checkpoints[2].merge.method': 'lineer' is not one of linear, cat"),
        (EvalConfigTests.mergeConfig(merge: #""merge": {"adapters": ["a", "b"], "weights": [1, 1]}"#), "field 'checkpoints[2].merge.method': missing"),
        (EvalConfigTests.mergeConfig(merge: #""merge": {"method": "linear", "weights": [1, 1]}"#), "field 'checkpoints[2].merge.adapters': missing"),
        (EvalConfigTests.mergeConfig(merge: #""merge": {"method": "linear", "adapters": ["a", "b"], "weights": [1]}"#),
         "field 'checkpoints[2].merge.weights': 1 weights for 2 adapters"),
        (EvalConfigTests.mergeConfig(merge: #""merge": {"method": "linear", "adapters": ["a", "b"], "weights": "0.5,0.5"}"#),
         "field 'checkpoints[2].merge.weights': expected a list of numbers"),
        (EvalConfigTests.mergeConfig(merge: #""merge": {"method": "ties", "adapters": ["a", "b"], "weights": [1, 1]}"#),
         "field 'checkpoints[2].merge.density': ties needs the fraction of values to keep"),
        (EvalConfigTests.mergeConfig(merge: #""merge": {"method": "svd", "adapters": ["a", "b"], "weights": [1, 1], "svd_rank": 0}"#),
         "field 'checkpoints[2].merge.svd_rank': must be positive"),
        (EvalConfigTests.mergeConfig(merge: #""merge": {"method": "svd", "adapters": ["a", "b"], "weights": [1, 1], "svd_clamp": 2}"#),
         "field 'checkpoints[2].merge.svd_clamp': must be a quantile in (0, 1]"),
        (EvalConfigTests.mergeConfig(merge: #""merge": {"method": "ties", "adapters": ["a", "b"], "weights": [1, 1], "density": 0.5, "#
                        + #""majority_sign": "most"}"#),
         "field 'checkpoints[2].merge.majority_sign': 'most' is not total or frequency"),
        (EvalConfigTests.mergeConfig(merge: #""merge": {"method": "linear", "adapters": ["a", "b"], "weights": [1, 1], "dtype": "f64"}"#),
         "field 'checkpoints[2].merge.dtype': 'f64' is not f32, f16 or bf16"),
        (EvalConfigTests.mergeConfig(merge: #""merge": {"method": "linear", "adapters": ["a", "b"], "wieghts": [1, 1]}"#),
         "field 'checkpoints[2].merge.wieghts': unknown field"),
        (EvalConfigTests.mergeConfig(merge: #""temperature": 0"#, interference: #", "interference": {"own": {}}"#),
         "field 'interference.own': missing or empty"),
        (EvalConfigTests.mergeConfig(merge: #""temperature": 0"#, interference: #", "interference": {"own": {"code": "a"}, "base": "a"}"#),
         "field 'interference.base': unknown field"),
        (EvalConfigTests.mergeConfig(merge: #""temperature": 0"#, interference: #", "interference": {"own": {"code": "z"}}"#),
         "field 'interference.own.code': 'z' is not a checkpoint label"),
        (EvalConfigTests.mergeConfig(merge: #""temperature": 0"#, interference: #", "interference": {"own": {"news": "a"}}"#),
         "field 'interference.own.news': 'news' is not a task: expected 'code'"),
        (EvalConfigTests.mergeConfig(merge: #""temperature": 0"#, interference: #", "interference": {"own": {"news": "a"}}"#,
                     text: #", "text": [{"name": "news", "task": "classification", "predictions": {"b": "b.jsonl"}}]"#),
         "field 'interference.own.news': 'a' has no predictions file in text set 'news'"),
        (EvalConfigTests.mergeConfig(merge: #""temperature": 0"#, interference: #", "interference": {"own": {"news": "b"}}"#,
                     text: #", "text": [{"name": "news", "predictions": {"b": "b.jsonl"}}, {"name": "news", "predictions": {}}]"#),
         "field 'interference.own.news': 'news' names 2 text sets"),
        (EvalConfigTests.mergeConfig(merge: #""temperature": 0"#, interference: #", "interference": {"own": {"code": "b"}}"#,
                     text: #", "text": [{"name": "code", "predictions": {"b": "b.jsonl"}}]"#),
         "field 'interference.own.code': 'code' names the problem set's Pass@1 and a text set"),
    ])
    func refusesMergeAndInterference(json: String, message: String) throws {
        let path = try Self.write(json)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: EvaluationError.self) { try EvalConfig.load(path) }
        #expect(error.description.hasPrefix(path + ": "), "\(error)")
        #expect(error.description.contains(message), "\(error)")
    }

    @Test("a --checkpoint flag refuses merge, naming the flag's field")
    func flagRefusesMerge() throws {
        let error = try #require(throws: EvaluationError.self) { try CheckpointSpec(flag: "label=m,model=m.gguf,merge=a") }
        #expect(error.description.contains("field '--checkpoint.merge'"), "\(error)")
        #expect(error.description.contains("--config"), "\(error)")
    }

    @Test("SHA-256 matches FIPS 180-4's examples, whole or fed in uneven pieces")
    func sha256Vectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(twoBlocks) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let million = [UInt8](repeating: 0x61, count: 1_000_000)
        #expect(SHA256.hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        var pieces = SHA256()
        var offset = 0
        for size in [1, 63, 64, 65, 3, 128, 999] + Array(repeating: 4096, count: 300) where offset < million.count {
            let end = min(offset + size, million.count)
            million[offset..<end].withUnsafeBytes { pieces.update($0) }
            offset = end
        }
        million[offset...].withUnsafeBytes { pieces.update($0) }
        #expect(pieces.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a file's digest equals sha256sum's and is cached by size and modification time")
    func fileDigestCached() throws {
        let folder = NSTemporaryDirectory() + "proctor-hash-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/model.bin"
        try Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: file))
        let reference = Process()
        reference.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        reference.arguments = [file]
        let pipe = Pipe()
        reference.standardOutput = pipe
        try reference.run()
        let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        reference.waitUntilExit()

        let fingerprint = FileFingerprint(cacheDirectory: folder + "/cache")
        #expect(try fingerprint.sha256(of: file) == String(expected))
        let cache = try String(contentsOfFile: fingerprint.cachePath, encoding: .utf8)
        #expect(cache.contains(String(expected)))
        // The cache answers for an unchanged file: poison the entry and it is believed…
        try cache.replacingOccurrences(of: String(expected), with: String(repeating: "0", count: 64))
            .write(toFile: fingerprint.cachePath, atomically: true, encoding: .utf8)
        #expect(try fingerprint.sha256(of: file) == String(repeating: "0", count: 64))
        // …until the file changes (another modification time): then it is hashed again.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: file)
        #expect(try fingerprint.sha256(of: file) == String(expected))
    }
}
