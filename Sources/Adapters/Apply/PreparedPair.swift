import Inference

/// A pair laid out for the forward pass: A's rows as stored, B transposed so that each of its
/// r columns is contiguous. A token's update is then r dot products of length `in` and r scaled
/// additions of length `out`; B·(A·x) row by row would be `out` dot products of length r, each
/// too short to vectorise.
struct PreparedPair: Sendable {
    /// lora_A.  // [r, in]
    private let a: [Float]
    /// lora_B transposed.  // [r, out]
    private let bColumns: [Float]
    private let scale: Float
    let rank: Int, inFeatures: Int, outFeatures: Int

    init(_ pair: LoRAPair) {
        rank = pair.rank
        inFeatures = pair.inFeatures
        outFeatures = pair.outFeatures
        scale = pair.scale
        a = pair.a.values
        var columns = [Float](repeating: 0, count: pair.rank * pair.outFeatures)
        for row in 0..<pair.outFeatures {
            for column in 0..<pair.rank { columns[column * pair.outFeatures + row] = pair.b.values[row * pair.rank + column] }
        }
        bColumns = columns
    }

    /// Adds s·B·(A·x) to `output` for `tokens` rows.  // input [tokens, in], output [tokens, out]
    func addApplied(input: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>, tokens: Int) {
        precondition(input.count >= tokens * inFeatures && output.count >= tokens * outFeatures)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: rank) { reduced in  // [r]
            let reduced = reduced.baseAddress!
            a.withUnsafeBufferPointer { a in
                bColumns.withUnsafeBufferPointer { b in
                    let a = a.baseAddress!, b = b.baseAddress!
                    for token in 0..<tokens {
                        let x = input.baseAddress! + token * inFeatures
                        for row in 0..<rank { reduced[row] = Kernels.dot(a + row * inFeatures, x, count: inFeatures) * scale }
                        let y = output.baseAddress! + token * outFeatures
                        for column in 0..<rank { Kernels.addScaled(y, reduced[column], b + column * outFeatures, count: outFeatures) }
                    }
                }
            }
        }
    }
}
