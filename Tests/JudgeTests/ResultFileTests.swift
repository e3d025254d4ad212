import Foundation
@testable import Judge
import Reports
import Testing
import TestSupport

@Suite("Results files: crash safety, resume and shards")
struct ResultFileTests {
    /// A scratch folder with a samples file over three corpus problems.
    static func makeRun() throws -> (directory: String, samples: String, problems: String) {
        let directory = NSTemporaryDirectory() + "proctor-results-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let problems = RepositoryPaths.path("problems")
        var lines: [String] = []
        for id in ["e001-theater-ticket", "e007-most-frequent-letter", "e021-sticker-collection"] {
            let solution = try String(contentsOfFile: "\(problems)/\(id)/solution.py", encoding: .utf8)
            for (checkpoint, code) in [("base", "print(0)\n"), ("lora", solution)] {
                for index in 0..<3 {
                    let object: [String: Any] = ["problem_id": id, "checkpoint": checkpoint, "sample_index": index,
                                                 "code": code]
                    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                    lines.append(String(decoding: data, as: UTF8.self))
                }
            }
        }
        let samples = directory + "/samples.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: samples, atomically: true, encoding: .utf8)
        return (directory, samples, problems)
    }

    /// A result with no tests run, for the tests of the file itself.
    static func emptyRecord(problemID: String = "p") -> ResultRecord {
        ResultRecord(sample: Sample(problemID: problemID, checkpoint: "c", index: 0, code: "x"), outcome: CandidateOutcome(tests: []))
    }

    @Test("a run killed with SIGKILL resumes with nothing lost and nothing duplicated")
    func resumeAfterKill() throws {
        let run = try Self.makeRun()
        defer { try? FileManager.default.removeItem(atPath: run.directory) }
        let out = run.directory + "/results.jsonl"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProctorBinary.path)
        process.arguments = ["judge", "--problems", run.problems, "--samples", run.samples, "--out", out, "--workers", "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the first results to reach the disk, then kill it mid-run.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, ((try? ResultFile.read(out))?.count ?? 0) < 2 { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = try ResultFile.read(out)
        #expect(partial.count >= 2 && partial.count < 18, "killed after \(partial.count) records")

        let resumed = try ProctorBinary.run(["judge", "--problems", run.problems, "--samples", run.samples, "--out", out,
                                             "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let records = try ResultFile.read(out)
        #expect(records.count == 18)
        #expect(Set(records.map(\.key)).count == 18, "a sample was judged twice")
        #expect(records.filter { $0.checkpoint == "lora" }.allSatisfy { $0.passed })
        #expect(records.filter { $0.checkpoint == "base" }.allSatisfy { !$0.passed })
    }

    @Test("a partial last line left by a crash is cut off on resume")
    func partialLastLine() throws {
        let path = NSTemporaryDirectory() + "proctor-partial-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let record = Self.emptyRecord()
        do {
            let file = try ResultFile(path: path, resume: false)
            try file.append(record)
            #expect(file.cutBytes == 0 && file.repairNote == nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"problem_id\": \"p\", \"checkp".utf8))
        try handle.close()
        let reopened = try ResultFile(path: path, resume: true)
        #expect(reopened.cutBytes == 27)
        #expect(reopened.repairNote?.contains("cut a partial last line (27 bytes)") == true)
        #expect(try ResultFile.read(path) == [record])
    }

    @Test("a damaged line in the middle of a results file is an error naming the file, the line and the field, and the file is kept",
          arguments: [
              ("{\"problem_id\": \"p\", oops", ":2: not a result record: not valid JSON"),
              ("{\"checkpoint\":\"c\",\"code\":\"x\",\"passed\":false,\"problem_id\":\"p\",\"tests\":[],\"verdict\":\"NC\"}",
               ":2: field 'sample_index': not a result record: missing"),
              ("{\"checkpoint\":\"c\",\"code\":\"x\",\"passed\":false,\"problem_id\":\"p\",\"sample_index\":1,\"tests\":[{\"name\":\"t\"}],\"verdict\":\"NC\"}",
               ":2: field 'tests[0].verdict': not a result record: missing"),
          ])
    func damagedLineIsNamed(damaged: String, message: String) throws {
        let path = NSTemporaryDirectory() + "proctor-damaged-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ResultFile(path: path, resume: false).append(Self.emptyRecord())
        let good = try String(contentsOfFile: path, encoding: .utf8)
        let text = good + damaged + "\n" + good
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try ResultFile.read(path)
        } throws: { error in
            "\(error)".hasPrefix(path + message)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test("a second writer on a results file is refused, resuming or not, and the file is left as it is; once the first closes it opens")
    func oneWriterAtATime() throws {
        let path = NSTemporaryDirectory() + "proctor-locked-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let record = Self.emptyRecord()
        do {
            let first = try ResultFile(path: path, resume: false)
            try first.append(record)
            for resume in [false, true] {
                #expect {
                    _ = try ResultFile(path: path, resume: resume)
                } throws: { error in
                    "\(error)".contains("another process is writing this file") && "\(error)".contains(path)
                }
            }
            #expect(try ResultFile.read(path) == [record], "the refused writer emptied or changed the file")
            try first.append(record)
        }
        #expect(try ResultFile.read(path).count == 2)
        _ = try ResultFile(path: path, resume: true)
    }

    @Test("--resume on a results file judged under other settings is refused, naming the file, and the file is left as it is")
    func resumeUnderOtherSettingsIsRefused() throws {
        let run = try Self.makeRun()
        defer { try? FileManager.default.removeItem(atPath: run.directory) }
        let out = run.directory + "/results.jsonl"
        let first = try ProctorBinary.run(["judge", "--problems", run.problems, "--samples", run.samples, "--out", out,
                                           "--workers", "1"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        let resumed = try ProctorBinary.run(["judge", "--problems", run.problems, "--samples", run.samples, "--out", out,
                                             "--resume", "--time-limit-factor", "2"])
        #expect(resumed.status != 0)
        #expect(resumed.stderr.contains("was judged with other problems or settings") && resumed.stderr.contains(out),
                "\(resumed.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
    }

    @Test("proctor judge on a results file another process is writing exits with the reason and writes nothing")
    func judgeRefusesASecondWriter() throws {
        let run = try Self.makeRun()
        defer { try? FileManager.default.removeItem(atPath: run.directory) }
        let out = run.directory + "/results.jsonl"
        let record = Self.emptyRecord(problemID: "e001-theater-ticket")
        let holder = try ResultFile(path: out, resume: false)
        try holder.append(record)
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        for extra in [[], ["--resume"]] {
            let second = try ProctorBinary.run(["judge", "--problems", run.problems, "--samples", run.samples, "--out", out] + extra)
            #expect(second.status != 0)
            #expect(second.stderr.contains("another process is writing this file"), "\(second.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
        withExtendedLifetime(holder) {}
    }

    @Test("shards judged apart merge into the same report as one run; other problems are refused")
    func shardsMerge() throws {
        let run = try Self.makeRun()
        defer { try? FileManager.default.removeItem(atPath: run.directory) }
        let whole = run.directory + "/whole.jsonl"
        #expect(try ProctorBinary.run(["judge", "--problems", run.problems, "--samples", run.samples, "--out", whole]).status == 0)
        var shards: [String] = []
        for index in 0..<2 {
            let path = run.directory + "/shard-\(index).jsonl"
            shards.append(path)
            let output = try ProctorBinary.run(["judge", "--problems", run.problems, "--samples", run.samples,
                                                "--out", path, "--shard", "\(index)/2"])
            #expect(output.status == 0, "\(output.stderr)")
        }
        #expect(try ResultFile.read(shards[0]).count == 9)
        let merged = CodeReport(records: try ResultMerge.merge(shards).records)
        let single = CodeReport(records: try ResultMerge.merge([whole]).records)
        #expect(merged.summaries == single.summaries)
        #expect(merged.comparisons == single.comparisons)

        let report = try ProctorBinary.run(["report"] + shards)
        #expect(report.stdout.contains("| lora | 100.0% |"))
        #expect(report.stdout.contains("lora is better than base"))

        var manifest = try #require(ResultFile.readManifest(for: shards[1]))
        manifest.problemsHash = "fnv1a64:0000000000000000"
        try ResultFile.writeManifest(manifest, for: shards[1])
        #expect(throws: JudgeError.self) { try ResultMerge.merge(shards) }
    }
}
