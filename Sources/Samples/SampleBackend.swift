import Judge

/// Where samples of a problem set come from: the native engine (`SampleGenerator`, in
/// Evaluation) or an OpenAI-compatible server (`RemoteSampleGenerator`, in Remote). Both append
/// `SampleRecord`s to the same kind of samples file, skip with `resume` what it already holds,
/// and report progress in generated samples and tokens.
public protocol SampleBackend {
    /// Generates what `out` does not hold yet (with `resume`; without it `out` starts afresh)
    /// and appends it. `notice` hears of repairs (a partial last line cut).
    func run(problems: [Problem], out: String, resume: Bool, notice: ((String) -> Void)?,
             progress: (@Sendable (GenerationProgress) -> Void)?) async throws
}
