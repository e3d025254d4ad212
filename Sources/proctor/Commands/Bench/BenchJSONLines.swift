import ArgumentParser
import Foundation
import JSONLines
import Judge
import Samples

/// `proctor bench jsonl`: reading a samples file with each of Proctor's JSON stacks, for
/// bench/jsonl_readers.sh: which JSONL reader pays on a large file.
struct BenchJSONLines: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jsonl",
        abstract: "Time reading a samples file with json-c (JSONLines), SampleReader (the judge's reader), JSONSerialization and JSONDecoder (SampleRecord).",
        discussion: """
            Each reader takes what the judge needs from every line (problem_id, checkpoint, \
            sample_index, code) and the four are run ROUNDS times, alternating; the best time of \
            each is printed with its lines per second and its ratio to json-c. The sums of the code \
            lengths let a caller check that all read the same thing.

            Example:
              .build/release/proctor bench jsonl samples-100k.jsonl --rounds 3
            """)

    @Argument(help: "A Proctor samples file (JSON Lines).")
    var file: String

    @Option(help: "Alternating rounds; the best time of each reader counts.")
    var rounds = 3

    func validate() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1.") }
    }

    func run() throws {
        let readers: [(name: String, read: () throws -> (lines: Int, codeBytes: Int))] = [
            ("json-c (JSONLines)", readWithJSONC),
            ("SampleReader (judge, on json-c)", readWithSampleReader),
            ("JSONSerialization", readWithSerialization),
            ("JSONDecoder (SampleRecord)", readWithDecoder),
        ]
        var best = Array(repeating: Double.infinity, count: readers.count)
        var checks = Array(repeating: (lines: 0, codeBytes: 0), count: readers.count)
        for _ in 0..<rounds {
            for (index, reader) in readers.enumerated() {
                let started = Date()
                checks[index] = try reader.read()
                best[index] = min(best[index], Date().timeIntervalSince(started))
            }
        }
        for (index, reader) in readers.enumerated() {
            let name = reader.name.padding(toLength: 34, withPad: " ", startingAt: 0)
            print(name + String(format: "%8.3f s  %8.0f lines/s  %5.2fx json-c's time  (%d lines, %d code bytes)",
                                best[index], Double(checks[index].lines) / best[index],
                                best[index] / best[0], checks[index].lines, checks[index].codeBytes))
        }
    }

    private func readWithJSONC() throws -> (lines: Int, codeBytes: Int) {
        let reader = try JSONLinesReader(path: file, fields: ["problem_id", "checkpoint", "sample_index", "code"])
        var lines = 0, bytes = 0
        while let record = try reader.next() {
            guard case .string(let code)? = record.fields["code"], case .number? = record.fields["sample_index"],
                  case .string? = record.fields["problem_id"]
            else { throw CommandFailure("\(file):\(record.lineNumber): not a samples line") }
            lines += 1
            bytes += code.utf8.count
        }
        return (lines, bytes)
    }

    private func readWithSampleReader() throws -> (lines: Int, codeBytes: Int) {
        let samples = try SampleReader.read(file).samples
        return (samples.count, samples.reduce(0) { $0 + $1.code.utf8.count })
    }

    private func readWithSerialization() throws -> (lines: Int, codeBytes: Int) {
        guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("\(file): cannot read") }
        var lines = 0, bytes = 0
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            guard let record = try JSONSerialization.jsonObject(with: line) as? [String: Any],
                  let code = record["code"] as? String, record["sample_index"] as? Int != nil, record["problem_id"] is String
            else { throw CommandFailure("\(file): not a samples line") }
            lines += 1
            bytes += code.utf8.count
        }
        return (lines, bytes)
    }

    private func readWithDecoder() throws -> (lines: Int, codeBytes: Int) {
        guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("\(file): cannot read") }
        let decoder = JSONDecoder()
        var lines = 0, bytes = 0
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            let record = try decoder.decode(SampleRecord.self, from: line)
            lines += 1
            bytes += record.code.utf8.count
        }
        return (lines, bytes)
    }
}
