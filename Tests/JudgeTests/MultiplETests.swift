import Foundation
@testable import Judge
import Testing
import TestSupport

/// The MultiPL-E fixtures (Tests/JudgeTests/Fixtures/multipl-e, see FORMAT.md there): HumanEval
/// translated into C++ and Java in MultiPL-E's prompt format, with hand-written completions and
/// the verdict each must get.
enum MultiplEFixtures {
    struct Completion: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let language: String
        let completion: String
        let expected: String
        var testDescription: String { "\(language) \(name) → \(expected)" }
    }

    static let folder = RepositoryPaths.path("Tests/JudgeTests/Fixtures/multipl-e")

    static let problems: [String: Problem] = {
        var all: [String: Problem] = [:]
        for language in ["cpp", "java"] {
            for problem in try! ProblemImporter.importFile(folder + "/humaneval-\(language).jsonl") {
                all[language + "/" + problem.id] = problem
            }
        }
        return all
    }()

    static func completions() throws -> [Completion] {
        try ["cpp", "java"].flatMap { language in
            try Fixtures.jsonLines("JudgeTests", "multipl-e/completions-\(language).jsonl", as: Completion.self)
        }
    }
}

@Suite("MultiPL-E problems in C++ and Java")
struct MultiplETests {
    @Test("every hand-written completion gets its expected verdict", arguments: try! MultiplEFixtures.completions())
    func verdicts(_ completion: MultiplEFixtures.Completion) throws {
        let problem = try #require(MultiplEFixtures.problems[completion.language + "/" + completion.name])
        if completion.language == "java" {
            try #require(FileManager.default.fileExists(atPath: Toolchain.javaTuplesJar),
                         "MultiPL-E's Java prompts import javatuples: apt-get install libjavatuples-java")
        }
        let outcome = JudgeFixtures.runner.judge(code: completion.completion, problem: problem)
        #expect(outcome.verdict.rawValue == completion.expected, "tests: \(outcome.tests)")
    }

    @Test("the problem files import with their languages, prompts, tests and one test each")
    func importing() throws {
        let cpp = try ProblemImporter.importFile(MultiplEFixtures.folder + "/humaneval-cpp.jsonl")
        let java = try ProblemImporter.importFile(MultiplEFixtures.folder + "/humaneval-java.jsonl")
        #expect(cpp.count == 30 && java.count == 30)
        guard case .multiplE(let language, let prompt, let tests) = try #require(java.first).kind else {
            Issue.record("not a MultiPL-E problem")
            return
        }
        #expect(language == .java)
        #expect(prompt.contains("class Problem {"))
        #expect(tests.contains("public static void main"))
        #expect(cpp.allSatisfy { $0.tests.count == 1 })
    }

    @Test("a generation that already holds the prompt (bigcode's multiple-*) is not given it twice")
    func promptIncluded() {
        let program = ProgramAssembly.multiplE(prompt: "int f() {\n", completion: "int f() {\n  return 1;", tests: "}\n")
        #expect(program == "int f() {\n  return 1;\n}\n")
        #expect(ProgramAssembly.multiplE(prompt: "int f() {\n", completion: "  return 1;", tests: "}\n")
                == "int f() {\n  return 1;\n}\n")
    }

    @Test("MultiPL-E's completions files (.json.gz, a folder of them) are read as samples and judged")
    func completionsFiles() throws {
        let folder = NSTemporaryDirectory() + "proctor-multipl-e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let all = try MultiplEFixtures.completions().filter { $0.language == "cpp" && $0.name == "HumanEval_3_below_zero" }
        let record: [String: Any] = ["name": "HumanEval_3_below_zero", "language": "cpp", "temperature": 0.2,
                                     "top_p": 0.95, "max_tokens": 512, "prompt": "", "tests": "", "stop_tokens": ["\n}"],
                                     "completions": all.map(\.completion)]
        let json = try JSONSerialization.data(withJSONObject: record)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-c"]
        let input = Pipe(), output = Pipe()
        gzip.standardInput = input
        gzip.standardOutput = output
        try gzip.run()
        input.fileHandleForWriting.write(json)
        try input.fileHandleForWriting.close()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        try compressed.write(to: URL(fileURLWithPath: folder + "/HumanEval_3_below_zero.json.gz"))

        let out = folder + "/results.jsonl"
        let run = try ProctorBinary.run(["judge", "--problems", MultiplEFixtures.folder + "/humaneval-cpp.jsonl",
                                         "--samples", folder, "--out", out, "--checkpoint", "m"])
        #expect(run.status == 0, "\(run.stderr)")
        let verdicts = try ResultFile.read(out).sorted { $0.sampleIndex < $1.sampleIndex }.map(\.verdict.rawValue)
        #expect(verdicts == all.map(\.expected))
    }
}
