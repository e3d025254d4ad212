import Foundation
@testable import Judge
import Sandbox
import Testing
import TestSupport

/// One program of the per-language hostile corpus (Tests/JudgeTests/HostileLanguages), with the
/// verdicts its header allows.
struct HostileLanguageProgram: CustomTestStringConvertible, Sendable {
    let file: String
    let language: Language
    let source: String
    var expected: Set<Verdict> = []
    var input = ""

    var testDescription: String { file }

    static let extensions: [String: Language] = [
        "c": .c, "cpp": .cpp17, "rs": .rust, "go": .go, "java": .java, "js": .javascript,
    ]

    init(path: String) throws {
        file = (path as NSString).lastPathComponent
        language = Self.extensions[(path as NSString).pathExtension]!
        source = try String(contentsOfFile: path, encoding: .utf8)
        for (key, value) in HostileFiles.headerFields(of: source, commentPrefix: "// ") {
            switch key {
            case "expect": expected = Set(value.split(separator: "|").compactMap { Verdict(rawValue: String($0)) })
            case "stdin": input = value + "\n"
            default: break
            }
        }
    }

    static func all() throws -> [HostileLanguageProgram] {
        let folder = RepositoryPaths.path("Tests/JudgeTests/HostileLanguages")
        return try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { extensions[($0 as NSString).pathExtension] != nil }.sorted()
            .map { try HostileLanguageProgram(path: folder + "/" + $0) }
    }
}

@Suite("The hostile corpus in every compiled language is contained")
struct HostileLanguagesTests {
    /// A problem whose only test expects "ok": what the controls print.
    static let okProblem = Problem(
        id: "ok", title: "OK", difficulty: "easy", timeLimitSeconds: 2, memoryLimitBytes: 256 << 20, checker: .tokens,
        tags: [], statement: "Print ok.", kind: .standardIO,
        tests: [TestCase(name: "01", input: [], expectedOutput: Array("ok\n".utf8), isSample: true)])

    @Test("each hostile program gets a verdict its header allows, and nothing escapes",
          arguments: try! HostileLanguageProgram.all())
    func contained(program: HostileLanguageProgram) throws {
        #expect(!program.expected.isEmpty, "\(program.file) has no '// expect:' line")
        let runner = JudgeFixtures.runner
        let toolchain = try runner.toolchain(for: program.language)
        let build = try BuildDirectory()
        defer { build.remove() }
        let outcome: TestOutcome
        var stdout = ""
        if let failure = runner.compile(code: program.source, toolchain: toolchain, into: build.path) {
            outcome = failure
        } else {
            let test = Self.okProblem.tests[0]
            var (command, policy) = toolchain.runStep(
                code: program.source, buildDirectory: build.path, input: Array(program.input.utf8),
                limits: runner.testLimits(problem: Self.okProblem, test: test))
            command.environment["PROCTOR_TEST_SECRET"] = HostileFiles.secretFile
            command.environment["PROCTOR_TEST_OUTSIDE"] = HostileFiles.outsideFile
            let result = runner.sandbox.run(command, policy: policy)
            stdout = String(decoding: result.stdout, as: UTF8.self)
            outcome = runner.outcome(of: result, problem: Self.okProblem, test: test, sentinel: "",
                                     language: program.language)
            #expect(result.protections.seccomp && result.protections.rlimits && result.protections.processGroup)
        }
        #expect(program.expected.contains(outcome.verdict),
                "\(program.file): got \(outcome.verdict.rawValue) (\(outcome.detail ?? "-"))")
        #expect(!stdout.contains("ESCAPED"), "\(program.file) printed ESCAPED")
        #expect(!stdout.contains("SECRET-EXPECTED-OUTPUT"), "\(program.file) read the expected output")
        #expect(!(outcome.detail ?? "").contains("root:"), "\(program.file): a diagnostic shows /etc/shadow")
        #expect(!FileManager.default.fileExists(atPath: HostileFiles.outsideFile), "\(program.file) wrote outside")
    }
}
