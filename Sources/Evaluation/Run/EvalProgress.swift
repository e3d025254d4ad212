/// Where an evaluation is, reported after every sample generated or judged.
public struct EvalProgress: Sendable {
    /// The pipeline's stages, in order.
    public enum Stage: String, Sendable {
        case hash, merge, generate, judge, report
    }

    public var stage: Stage
    /// The checkpoint being worked on (nil for whole-run stages).
    public var checkpoint: String?
    /// Done and total units of this stage and checkpoint (samples), this invocation only.
    public var done: Int
    public var total: Int
    /// Seconds since this stage and checkpoint started.
    public var elapsedSeconds: Double
    /// A short extra, e.g. "12.3 tok/s" or "AC 4".
    public var note: String

    public init(stage: Stage, checkpoint: String?, done: Int, total: Int, elapsedSeconds: Double, note: String = "") {
        self.stage = stage
        self.checkpoint = checkpoint
        self.done = done
        self.total = total
        self.elapsedSeconds = elapsedSeconds
        self.note = note
    }
}
