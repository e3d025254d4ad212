import Foundation
@testable import Judge
import Sandbox
import Testing
import TestSupport

/// The LiveCodeBench fixture (scripts/fixtures/make_livecodebench_fixture.py): one stdin problem,
/// one functional `class Solution` problem, one more stdin problem that the filters drop.
enum LiveCodeBenchFixture {
    static let path = RepositoryPaths.path("Tests/JudgeTests/Fixtures/livecodebench_lite.jsonl")
    static let hostilePicklePath = RepositoryPaths.path("Tests/JudgeTests/Fixtures/livecodebench_hostile_pickle.jsonl")

    static func problem(_ id: String) throws -> Problem {
        let problems = try ProblemImporter.importFile(path)
        return try #require(problems.first { $0.id == id })
    }

    static func runner(_ mode: ExecutionMode) -> CandidateRunner { HumanEvalHarness.runner(mode) }
}

@Suite("LiveCodeBench import")
struct LiveCodeBenchImportTests {
    @Test("the stdin problem imports with its public and base64/zlib/pickle private tests")
    func stdinProblemImports() throws {
        let problem = try LiveCodeBenchFixture.problem("fixture-stdin-sum")
        #expect(problem.kind == .standardIO)
        #expect(problem.checker == .liveCodeBench)
        #expect(problem.tests.map(\.name) == ["001-public", "002-public", "003-private", "004-private", "005-private"])
        #expect(problem.tests.filter(\.isSample).count == 2)
        #expect(String(decoding: problem.tests[2].input, as: UTF8.self) == "4\n10 -20 30 7\n")
        #expect(String(decoding: problem.tests[2].expectedOutput, as: UTF8.self) == "27 30\n")
        #expect(problem.tags == ["atcoder", "2023-08-12T00:00:00"])
    }

    @Test("the functional problem imports as a call of Solution.countPairs with its starter code")
    func functionalProblemImports() throws {
        let problem = try LiveCodeBenchFixture.problem("fixture-count-pairs")
        #expect(problem.kind == .functional(functionName: "countPairs"))
        #expect(problem.starterCode.hasPrefix("class Solution:"))
        #expect(problem.tests.count == 5)
        #expect(String(decoding: problem.tests[0].input, as: UTF8.self) == "[-1, 1, 2, 3, 1]\n2")
    }

    @Test("filters keep problems by platform, difficulty and contest date", arguments: [
        (ImportFilter(), ["fixture-stdin-sum", "fixture-count-pairs", "fixture-late-hard"]),
        (ImportFilter(platforms: ["atcoder"]), ["fixture-stdin-sum"]),
        (ImportFilter(platforms: ["leetcode", "codeforces"]), ["fixture-count-pairs", "fixture-late-hard"]),
        (ImportFilter(difficulties: ["easy", "medium"]), ["fixture-stdin-sum", "fixture-count-pairs"]),
        (ImportFilter(contestDateFrom: "2023-09-01"), ["fixture-count-pairs", "fixture-late-hard"]),
        (ImportFilter(contestDateTo: "2023-09-03"), ["fixture-stdin-sum", "fixture-count-pairs"]),
        (ImportFilter(contestDateFrom: "2023-08-13", contestDateTo: "2024-01-01"), ["fixture-count-pairs"]),
        (ImportFilter(platforms: ["atcoder"], difficulties: ["hard"]), []),
    ])
    func filters(filter: ImportFilter, expectedIDs: [String]) throws {
        let problems = try ProblemImporter.importFile(LiveCodeBenchFixture.path, filter: filter)
        #expect(problems.map(\.id) == expectedIDs)
    }

    @Test("a pickle with any opcode but a str's (here GLOBAL and REDUCE) is refused, naming file, line and field")
    func hostilePickleIsRefused() throws {
        let error = try #require(throws: JudgeError.self) {
            try ProblemImporter.importFile(LiveCodeBenchFixture.hostilePicklePath)
        }
        #expect(error.line == 1)
        #expect(error.field == "private_test_cases")
        #expect(error.message.contains("opcode 0x63 at byte 2"))
        #expect(error.description.contains("livecodebench_hostile_pickle.jsonl:1"))
    }

    @Test("a correct stdin solution is accepted on every test and a wrong one gets WA",
          arguments: ExecutionMode.allCases)
    func stdinSolutionsAreJudged(mode: ExecutionMode) throws {
        let problem = try LiveCodeBenchFixture.problem("fixture-stdin-sum")
        let correct = "n = int(input())\nxs = list(map(int, input().split()))\nprint(sum(xs), max(xs))\n"
        let accepted = LiveCodeBenchFixture.runner(mode).judge(code: correct, problem: problem, allTests: true)
        #expect(accepted.verdict == .accepted)
        #expect(accepted.tests.count == 5)
        // Wrong only on the private test with all-negative numbers.
        let wrong = "n = int(input())\nxs = list(map(int, input().split()))\nprint(sum(xs), max(xs + [0]))\n"
        let rejected = LiveCodeBenchFixture.runner(mode).judge(code: wrong, problem: problem, allTests: true)
        #expect(rejected.verdict == .wrongAnswer)
        #expect(rejected.tests.map(\.verdict) == [.accepted, .wrongAnswer, .accepted, .accepted, .wrongAnswer])
    }

    @Test("a correct Solution class is accepted and a wrong one gets WA", arguments: ExecutionMode.allCases)
    func functionalSolutionsAreJudged(mode: ExecutionMode) throws {
        let problem = try LiveCodeBenchFixture.problem("fixture-count-pairs")
        let correct = """
            from typing import List

            class Solution:
                def countPairs(self, nums: List[int], target: int) -> int:
                    return sum(1 for i in range(len(nums)) for j in range(i + 1, len(nums)) if nums[i] + nums[j] < target)
            """
        #expect(LiveCodeBenchFixture.runner(mode).judge(code: correct, problem: problem, allTests: true).verdict == .accepted)
        let wrong = """
            class Solution:
                def countPairs(self, nums, target):
                    return sum(1 for i in range(len(nums)) for j in range(len(nums)) if i != j and nums[i] + nums[j] < target)
            """
        let outcome = LiveCodeBenchFixture.runner(mode).judge(code: wrong, problem: problem)
        #expect(outcome.verdict == .wrongAnswer)
        #expect(outcome.tests.count == 1)
    }
}
