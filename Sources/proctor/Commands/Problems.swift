import ArgumentParser
import Foundation
import Judge

/// `proctor problems`: look at, check and import problem sets.
struct Problems: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show, validate and import problems.",
        discussion: """
            A problem set is a folder of problem folders (see problems/README.md), one problem \
            folder, or a LiveCodeBench or HumanEval JSONL file (.jsonl or .jsonl.gz).
            """,
        subcommands: [ProblemsList.self, ProblemsShow.self, ProblemsValidate.self, ProblemsImport.self])
}

struct ProblemsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "One line per problem.")

    @Argument(help: "The problem set (default: problems).")
    var problems: String = "problems"

    func run() throws {
        for problem in try loadProblems(problems) {
            let limits = String(format: "%.1f s, %d MiB", problem.timeLimitSeconds, problem.memoryLimitBytes >> 20)
            print("\(problem.id)\t\(problem.difficulty)\t\(problem.tests.count) tests\t\(limits)\t\(problem.title)")
        }
    }
}

struct ProblemsShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a problem's statement and tests.")

    @Argument(help: "The problem id.")
    var id: String

    @Option(help: "The problem set (default: problems).")
    var problems: String = "problems"

    func run() throws {
        guard let problem = try loadProblems(problems).first(where: { $0.id == id }) else {
            throw ValidationError("no problem '\(id)' in \(problems)")
        }
        print("# \(problem.title) (\(problem.id), \(problem.difficulty))")
        print(String(format: "time limit %.1f s, memory limit %d MiB, checker %@, %d tests (%d samples)",
                     problem.timeLimitSeconds, problem.memoryLimitBytes >> 20, "\(problem.checker)",
                     problem.tests.count, problem.tests.filter(\.isSample).count))
        print()
        print(problem.statement)
    }
}

struct ProblemsValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Run every reference solution on every test in the sandbox; all must be accepted.",
        discussion: """
            For the corpus format the reference solutions are solution.py and, in other languages, \
            solution.c, solution.cpp (C++17), solution.java, solution.go, solution.rs and solution.js; \
            for HumanEval it is the canonical solution. Each is judged in its language and the \
            summary counts per language. Exit status 1 when any problem fails to load or any \
            reference solution is not accepted on every test.

            Examples:
              proctor problems validate problems/
              proctor problems validate problems/ --language cpp17
            """)

    @Argument(help: "The problem set (default: problems).")
    var problems: String = "problems"

    @Option(help: ArgumentHelp("Validate only the solutions in these languages (comma-separated ids, e.g. python,cpp17).", valueName: "ids"))
    var language: String?

    func validate() throws {
        for name in selectedLanguageNames where Language.named(name) == nil {
            throw ValidationError("--language: '\(name)' is not one of \(Language.all.map(\.id).joined(separator: ", "))")
        }
    }

    private var selectedLanguageNames: [String] {
        language.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? []
    }

    @OptionGroup var judging: JudgeOptions

    func run() throws {
        let (loaded, loadErrors) = try ProblemStore.load(problems)
        for error in loadErrors { warn("cannot load: \(error)") }
        let runner = try judging.makeRunner()
        let selected = Set(selectedLanguageNames.compactMap(Language.named))
        func chosen(_ problem: Problem) -> [(language: Language, code: String)] {
            problem.referenceSolutions.filter { selected.isEmpty || selected.contains($0.language) }
        }
        let withSolutions = loaded.filter { !chosen($0).isEmpty }
        for problem in loaded where chosen(problem).isEmpty {
            warn("\(problem.id): no reference solution to validate")
        }
        // One sample per problem and language; the checkpoint label is the language.
        let samples = withSolutions.flatMap { problem in
            chosen(problem).map { Sample(problemID: problem.id, checkpoint: $0.language.id, index: 0, code: $0.code,
                                         language: $0.language) }
        }
        let session = JudgeSession(problems: withSolutions, runner: runner,
                                   settings: JudgeSettings(workers: judging.workers, allTests: true))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-validate-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let resultsPath = directory.appendingPathComponent("results.jsonl").path
        let file = try ResultFile(path: resultsPath, resume: false)
        let progress = ProgressLine(label: "validate")
        try session.run(samples, results: file) { step in
            progress.update(done: step.done, total: step.total, elapsed: step.elapsedSeconds)
        }
        var failedProblems = Set<String>()
        var perLanguage: [String: (accepted: Int, total: Int)] = [:]
        let records = try ResultFile.read(resultsPath).sorted { ($0.problemID, $0.checkpoint) < ($1.problemID, $1.checkpoint) }
        for record in records {
            let problem = withSolutions.first { $0.id == record.problemID }!
            let slowest = record.tests.max { $0.cpuTimeSeconds < $1.cpuTimeSeconds }
            let slowestText = slowest.map { String(format: "slowest %@ %.2f s of %.1f s", $0.name, $0.cpuTimeSeconds, problem.timeLimitSeconds) } ?? ""
            perLanguage[record.checkpoint, default: (0, 0)].total += 1
            if record.passed {
                perLanguage[record.checkpoint]!.accepted += 1
                print("\(record.problemID)\t\(record.checkpoint)\tAC\t\(record.tests.count) tests\t\(slowestText)")
            } else {
                failedProblems.insert(record.problemID)
                let failing = record.tests.filter { $0.verdict != .accepted }
                    .map { "\($0.name) \($0.verdict.rawValue)\($0.detail.map { " (\($0))" } ?? "")" }
                print("\(record.problemID)\t\(record.checkpoint)\tFAIL\t" + failing.joined(separator: "; "))
            }
        }
        for id in Language.all.map(\.id) {
            guard let count = perLanguage[id] else { continue }
            print("\(id): \(count.accepted) of \(count.total) reference solutions accepted")
        }
        let failures = failedProblems.count + loadErrors.count
        print("\(withSolutions.count - failedProblems.count) of \(loaded.count + loadErrors.count) problems validated")
        if failures > 0 { throw ExitCode(1) }
    }
}

struct ProblemsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert LiveCodeBench or HumanEval JSONL into problem folders.",
        discussion: """
            Example:
              proctor problems import test5.jsonl --platform atcoder --difficulty easy \\
                  --from 2023-05-01 --to 2024-06-01 --out lcb-atcoder-easy/
            """)

    @Argument(help: "The JSONL file (.jsonl or .jsonl.gz).")
    var file: String

    @Option(help: "Folder to write the problem folders into.")
    var out: String

    @Option(help: "Keep only these platforms (comma-separated: atcoder,leetcode,codeforces).")
    var platform: String?

    @Option(help: "Keep only these difficulties (comma-separated: easy,medium,hard).")
    var difficulty: String?

    @Option(help: "Keep contests on or after this date (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Keep contests on or before this date (YYYY-MM-DD).")
    var to: String?

    func run() throws {
        let filter = ImportFilter(
            platforms: Set(platform?.split(separator: ",").map(String.init) ?? []),
            difficulties: Set(difficulty?.split(separator: ",").map(String.init) ?? []),
            contestDateFrom: from, contestDateTo: to)
        let problems = try ProblemImporter.importFile(file, filter: filter)
        for problem in problems {
            try ProblemWriter.write(problem, into: out)
        }
        print("wrote \(problems.count) problems to \(out)")
    }
}
