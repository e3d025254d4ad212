/// How a candidate's output is compared with the expected output.
public enum CheckerSpec: Sendable, Codable, Equatable {
    /// Whitespace-separated tokens equal (AtCoder's default).
    case tokens
    /// Tokens equal, or numbers within an absolute or relative error.
    case float(absolute: Double, relative: Double)
    /// LiveCodeBench's comparison: lines stripped and compared, or all tokens equal as decimals.
    case liveCodeBench
    /// A checker program in the problem folder: `checker INPUT EXPECTED ACTUAL`, exit 0 accepts.
    case program(path: String)
}

/// How a candidate is run against a test.
public enum ProblemKind: Sendable, Codable, Equatable {
    /// A whole program reading standard input and writing standard output.
    case standardIO
    /// LiveCodeBench's call-based problems: a method of `class Solution` (or a function) is called
    /// with the JSON values of the input lines as arguments.
    case functional(functionName: String)
    /// HumanEval: the prompt, the completion, the test code and `check(entry_point)` run as one program.
    case humanEval(prompt: String, test: String, entryPoint: String)
    /// MultiPL-E: HumanEval translated into another language. The prompt, the completion, a newline
    /// and the tests (which close the function and hold `main`'s asserts) compile and run as one
    /// program; exit status 0 is a pass.
    case multiplE(language: Language, prompt: String, tests: String)
}

/// One test: an input and the expected output, held in memory (tests are small by format rule).
public struct TestCase: Sendable, Equatable {
    public var name: String
    public var input: [UInt8]
    public var expectedOutput: [UInt8]
    /// Whether it is a public sample shown in the statement.
    public var isSample: Bool

    public init(name: String, input: [UInt8], expectedOutput: [UInt8], isSample: Bool) {
        self.name = name
        self.input = input
        self.expectedOutput = expectedOutput
        self.isSample = isSample
    }
}

/// A programming problem with its tests.
public struct Problem: Sendable, Identifiable {
    public var id: String
    public var title: String
    public var difficulty: String
    public var timeLimitSeconds: Double
    public var memoryLimitBytes: Int
    public var checker: CheckerSpec
    public var tags: [String]
    public var statement: String
    public var kind: ProblemKind
    /// Starter code given to the model (LiveCodeBench's `starter_code`), empty for stdin problems.
    public var starterCode: String
    public var tests: [TestCase]
    /// The folder it was loaded from, when it came from the corpus format.
    public var directory: String?
    /// The reference solution's source, when there is one.
    public var referenceSolution: String?
    /// Reference solutions in other languages (`solution.cpp`, `solution.rs`, …), validated like the Python one.
    public var otherSolutions: [Language: String] = [:]

    /// Every reference solution with its language, Python first.
    public var referenceSolutions: [(language: Language, code: String)] {
        let python = referenceSolution.map { [(language: Language.python, code: $0)] } ?? []
        return python + Language.all.compactMap { language in otherSolutions[language].map { (language, $0) } }
    }
    /// When the problem was published, `YYYY-MM-DD` (problem.json's `release_date`, a
    /// LiveCodeBench problem's contest date), for comparing a model on problems released after
    /// its training data ends; nil when unknown.
    public var releaseDate: String?

    /// Whether candidates get LiveCodeBench's import prelude: call-based problems and problems
    /// judged with LiveCodeBench's checker, so that verdicts match LiveCodeBench's runner.
    public var usesLiveCodeBenchPrelude: Bool {
        if case .functional = kind { return true }
        return checker == .liveCodeBench
    }

    public init(id: String, title: String, difficulty: String, timeLimitSeconds: Double, memoryLimitBytes: Int,
                checker: CheckerSpec, tags: [String], statement: String, kind: ProblemKind, starterCode: String = "",
                tests: [TestCase], directory: String? = nil, referenceSolution: String? = nil, releaseDate: String? = nil) {
        self.id = id
        self.title = title
        self.difficulty = difficulty
        self.timeLimitSeconds = timeLimitSeconds
        self.memoryLimitBytes = memoryLimitBytes
        self.checker = checker
        self.tags = tags
        self.statement = statement
        self.kind = kind
        self.starterCode = starterCode
        self.tests = tests
        self.directory = directory
        self.referenceSolution = referenceSolution
        self.releaseDate = releaseDate
    }

    /// Whether `text` is a calendar date written `YYYY-MM-DD` (the form release dates are compared in).
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}

extension Problem {
    /// The function a function problem's checks call (HumanEval's entry point); nil for programs
    /// and LiveCodeBench's call-based problems, which are prompted with their starter code.
    public var entryPoint: String? {
        if case .humanEval(_, _, let entryPoint) = kind { return entryPoint }
        return nil
    }
}
