/// The interference table's setup: for each task, the checkpoint trained for it (its "own"
/// checkpoint). The report scores every checkpoint on every task listed and shows each score's
/// change from the own checkpoint's — the drop a merge causes on the tasks it combines.
public struct InterferenceSpec: Sendable, Equatable, Encodable {
    /// The task name for the problem set's Pass@1.
    public static let codeTask = "code"

    /// Task → own checkpoint's label. A task is `code` or the `name` of a `text` prediction set.
    public var own: [String: String]

    public init(own: [String: String]) {
        self.own = own
    }

    static let keys = ["own"]

    init(_ object: ConfigObject) throws {
        try object.rejectUnknownKeys(Self.keys)
        guard let entries = try object.object("own"), !entries.values.isEmpty else {
            throw object.fail("own", "missing or empty (an object: task → the label of the checkpoint trained for it)")
        }
        var own: [String: String] = [:]
        for key in entries.values.keys {
            guard let label = try entries.string(key) else { throw entries.fail(key, "expected a checkpoint label") }
            own[key] = label
        }
        self.own = own
    }

    /// The table's columns: `code` first when listed, then the text sets in configuration order.
    public func tasks(text: [TextPredictionSet]) -> [String] {
        (own[Self.codeTask] != nil ? [Self.codeTask] : []) + text.map(\.name).filter { own[$0] != nil }
    }

    /// Checks every task names the code or exactly one text set, and every own checkpoint exists
    /// (and, for a text task, has predictions in that set).
    func validate(checkpoints: [CheckpointSpec], text: [TextPredictionSet], file: String?) throws {
        let labels = Set(checkpoints.map(\.label))
        for task in own.keys.sorted() {
            let field = "interference.own.\(task)"
            let sets = text.filter { $0.name == task }
            if task == Self.codeTask {
                guard sets.isEmpty else {
                    throw EvaluationError("'code' names the problem set's Pass@1 and a text set; rename the text set",
                                          file: file, field: field)
                }
            } else if sets.isEmpty {
                let names = ([Self.codeTask] + text.map(\.name)).map { "'\($0)'" }.joined(separator: ", ")
                throw EvaluationError("'\(task)' is not a task: expected \(names) (code, or a text set's name)",
                                      file: file, field: field)
            } else if sets.count > 1 {
                throw EvaluationError("'\(task)' names \(sets.count) text sets; give them distinct names", file: file, field: field)
            }
            let label = own[task]!
            guard labels.contains(label) else {
                throw EvaluationError("'\(label)' is not a checkpoint label", file: file, field: field)
            }
            if let set = sets.first, set.predictions[label] == nil {
                throw EvaluationError("'\(label)' has no predictions file in text set '\(task)', so it cannot be the reference",
                                      file: file, field: field)
            }
        }
    }
}
