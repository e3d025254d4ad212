/// One adapted module's low-rank update: ΔW = s·B·A, applied next to the base projection as
/// y = W·x + s·B·(A·x).
public struct LoRAPair: Sendable {
    /// The down projection.  // [r, in]
    public let a: DenseMatrix
    /// The up projection.  // [out, r]
    public let b: DenseMatrix
    /// The factor s: alpha/r, or alpha/√r with rsLoRA.
    public let scale: Float

    /// A pair whose shapes must agree on the rank.
    public init(a: DenseMatrix, b: DenseMatrix, scale: Float) {
        precondition(a.rows == b.columns, "lora_A \(a.shape) and lora_B \(b.shape) disagree on the rank")
        self.a = a
        self.b = b
        self.scale = scale
    }

    /// The rank r.
    public var rank: Int { a.rows }
    /// The projection's input width.
    public var inFeatures: Int { a.columns }
    /// The projection's output width.
    public var outFeatures: Int { b.rows }

    /// The update s·B·(A·x) for `tokens` input rows.  // [tokens, in] -> [tokens, out]
    public func apply(_ x: DenseMatrix) -> DenseMatrix {
        precondition(x.columns == inFeatures, "input has \(x.columns) features, lora_A expects \(inFeatures)")
        let reduced = x.multiplied(by: a.transposed())  // [tokens, r]
        return reduced.multiplied(by: b.transposed(), scale: scale)  // [tokens, out]
    }

    /// Adds s·B·(A·x) to `y` for one token (the decode path: r is small, no BLAS call).
    public func addApplied(to y: inout [Float], input x: [Float]) {
        precondition(x.count == inFeatures && y.count == outFeatures)
        var reduced = [Float](repeating: 0, count: rank)  // [r]
        for row in 0..<rank {
            var sum: Float = 0
            let base = row * inFeatures
            for column in 0..<inFeatures { sum += a.values[base + column] * x[column] }
            reduced[row] = sum * scale
        }
        for row in 0..<outFeatures {
            var sum: Float = 0
            let base = row * rank
            for column in 0..<rank { sum += b.values[base + column] * reduced[column] }
            y[row] += sum
        }
    }

    /// The full update s·B·A.  // [out, in]
    public func delta() -> DenseMatrix {
        b.multiplied(by: a, scale: scale)
    }
}
