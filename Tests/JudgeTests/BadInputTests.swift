import Foundation
@testable import Judge
import Testing
import TestSupport

@Suite("Bad input gets a clear error and loses nothing")
struct BadInputTests {
    static func scratch() throws -> String {
        let directory = NSTemporaryDirectory() + "proctor-bad-input-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("a malformed samples line is named by file and line; --skip-invalid judges the rest")
    func malformedSampleLine() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let samples = directory + "/samples.jsonl"
        try """
            {"problem_id": "e001-theater-ticket", "checkpoint": "c", "sample_index": 0, "code": "print(0)"}
            {"problem_id": "e001-theater-ticket", "checkpoint": "c", "sample_index": 1, "code": "print(0)"
            {"problem_id": "e001-theater-ticket", "checkpoint": "c", "code": "print(0)"}
            {"problem_id": "e001-theater-ticket", "checkpoint": "c", "sample_index": 3, "code": "print(0)"}

            """.write(toFile: samples, atomically: true, encoding: .utf8)
        let problems = RepositoryPaths.path("problems/e001-theater-ticket")
        let results = directory + "/results.jsonl"
        let strict = try ProctorBinary.run(["judge", "--problems", problems, "--samples", samples, "--out", results])
        #expect(strict.status != 0)
        #expect(strict.stderr.contains("samples.jsonl:2: not a JSON object"), "\(strict.stderr)")

        let lenient = try ProctorBinary.run(["judge", "--problems", problems, "--samples", samples, "--out", results,
                                             "--skip-invalid"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("samples.jsonl:3: field 'sample_index': missing or not an integer"))
        #expect(try ResultFile.read(results).map(\.sampleIndex).sorted() == [0, 3])
    }

    @Test("a problem without tests is reported by folder and the other problems still load")
    func problemWithoutTests() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let good = RepositoryPaths.path("problems/e001-theater-ticket")
        try FileManager.default.copyItem(atPath: good, toPath: directory + "/e001-theater-ticket")
        try FileManager.default.copyItem(atPath: good, toPath: directory + "/e999-empty")
        try FileManager.default.removeItem(atPath: directory + "/e999-empty/tests")
        try FileManager.default.createDirectory(atPath: directory + "/e999-empty/tests", withIntermediateDirectories: true)
        var metadata = try String(contentsOfFile: directory + "/e999-empty/problem.json", encoding: .utf8)
        metadata = metadata.replacingOccurrences(of: "\"e001-theater-ticket\"", with: "\"e999-empty\"")
        metadata = metadata.replacingOccurrences(of: #""samples": \[[^\]]*\]"#, with: "\"samples\": []",
                                                 options: .regularExpression)
        try metadata.write(toFile: directory + "/e999-empty/problem.json", atomically: true, encoding: .utf8)

        let (problems, errors) = try ProblemStore.load(directory)
        #expect(problems.map(\.id) == ["e001-theater-ticket"])
        #expect(errors.count == 1)
        #expect(errors.first?.description.contains("e999-empty: the problem has no tests") == true,
                "\(errors.first?.description ?? "")")
    }
}
