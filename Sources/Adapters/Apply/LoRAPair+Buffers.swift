import Inference

/// The forward pass's entry to a pair: its buffers are raw, so this is the one place a pair
/// reads and writes through pointers.
extension LoRAPair {
    /// Adds s·B·(A·x) to `output` for `tokens` rows.  // input [tokens, in], output [tokens, out]
    func addApplied(input: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>, tokens: Int) {
        precondition(input.count >= tokens * inFeatures && output.count >= tokens * outFeatures)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: rank) { reduced in  // [r]
            let reduced = reduced.baseAddress!
            a.values.withUnsafeBufferPointer { a in
                b.values.withUnsafeBufferPointer { b in
                    let a = a.baseAddress!, b = b.baseAddress!
                    for token in 0..<tokens {
                        let x = input.baseAddress! + token * inFeatures
                        for row in 0..<rank { reduced[row] = Kernels.dot(a + row * inFeatures, x, count: inFeatures) * scale }
                        let y = output.baseAddress! + token * outFeatures
                        for row in 0..<outFeatures { y[row] += Kernels.dot(b + row * rank, reduced, count: rank) }
                    }
                }
            }
        }
    }
}
