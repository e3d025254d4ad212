/// The outcome of one candidate on one test, or on a whole problem (its first failure).
public enum Verdict: String, Sendable, Codable, CaseIterable, Comparable {
    /// Accepted.
    case accepted = "AC"
    /// Wrong answer.
    case wrongAnswer = "WA"
    /// Time limit exceeded.
    case timeLimit = "TLE"
    /// Memory limit exceeded.
    case memoryLimit = "MLE"
    /// Runtime error: an exception, a non-zero exit, a signal.
    case runtimeError = "RE"
    /// Output limit exceeded.
    case outputLimit = "OLE"
    /// Does not compile (for Python: a SyntaxError before anything ran).
    case compileError = "CE"
    /// No code: nothing but whitespace or Python comments was extracted from the output, so nothing ran.
    case noCode = "NC"
    /// Sandbox violation: a forbidden syscall.
    case sandboxViolation = "SV"
    /// Internal error of the harness; never counted against the model.
    case internalError = "IE"

    /// Whether this counts as the model's failure (everything but AC and IE).
    public var isModelFailure: Bool { self != .accepted && self != .internalError }

    /// What the verdict means, in a few words (report legends).
    public var meaning: String {
        switch self {
        case .accepted: return "accepted"
        case .wrongAnswer: return "wrong answer"
        case .timeLimit: return "time limit exceeded"
        case .memoryLimit: return "memory limit exceeded"
        case .runtimeError: return "runtime error"
        case .outputLimit: return "output limit exceeded"
        case .compileError: return "does not compile"
        case .noCode: return "no code: empty or comments only (never run)"
        case .sandboxViolation: return "sandbox violation"
        case .internalError: return "harness error (not counted)"
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
