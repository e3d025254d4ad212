/// Progress of a generation run, after each problem's samples.
public struct GenerationProgress: Sendable {
    public var done: Int
    public var total: Int
    public var generatedTokens: Int
    public var elapsedSeconds: Double

    public init(done: Int, total: Int, generatedTokens: Int, elapsedSeconds: Double) {
        self.done = done
        self.total = total
        self.generatedTokens = generatedTokens
        self.elapsedSeconds = elapsedSeconds
    }
}
