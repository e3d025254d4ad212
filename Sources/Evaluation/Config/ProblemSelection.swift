import Judge

/// Which problems an evaluation uses: a problem set and the filters applied to it, in order:
/// ids, then difficulties, then the first `limit` of what remains (in the set's order).
public struct ProblemSelection: Sendable, Equatable, Encodable {
    /// A folder of problem folders, one problem folder, or a LiveCodeBench/HumanEval JSONL file.
    public var path: String
    /// Only these problem ids (nil: all).
    public var ids: [String]?
    /// Only these difficulties, e.g. ["easy"] (nil: all).
    public var difficulties: [String]?
    /// At most this many problems.
    public var limit: Int?

    public init(path: String, ids: [String]? = nil, difficulties: [String]? = nil, limit: Int? = nil) {
        self.path = path
        self.ids = ids
        self.difficulties = difficulties
        self.limit = limit
    }

    static let keys = ["path", "ids", "difficulty", "limit"]

    enum CodingKeys: String, CodingKey { case path, ids, difficulties = "difficulty", limit }

    init(_ object: ConfigObject, base: String) throws {
        try object.rejectUnknownKeys(Self.keys)
        path = EvalConfig.resolve(try object.requiredString("path"), base: base)
        ids = try object.strings("ids")
        difficulties = try object.strings("difficulty")
        limit = try object.integer("limit")
        if let limit, limit < 1 { throw object.fail("limit", "must be at least 1") }
    }

    /// The selected problems, and the problems that failed to load (skipped with a warning).
    public func load() throws -> (problems: [Problem], skipped: [JudgeError]) {
        var (problems, skipped) = try ProblemStore.load(path)
        if let ids {
            let known = Set(problems.map(\.id))
            if let missing = ids.first(where: { !known.contains($0) }) {
                throw EvaluationError("problem '\(missing)' is not in \(path)", field: "problems.ids")
            }
            let wanted = Set(ids)
            problems = problems.filter { wanted.contains($0.id) }
        }
        if let difficulties {
            let wanted = Set(difficulties.map { $0.lowercased() })
            problems = problems.filter { wanted.contains($0.difficulty.lowercased()) }
        }
        if let limit { problems = Array(problems.prefix(limit)) }
        guard !problems.isEmpty else {
            throw EvaluationError("no problem is left after the filters", field: "problems")
        }
        return (problems, skipped)
    }
}
