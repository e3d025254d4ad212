/// The forward pass's entry to a pair: its buffers are raw, so this is the one place a pair
/// reads and writes through pointers.
extension LoRAPair {
    /// Adds s·B·(A·x) to `output` for `tokens` rows.  // input [tokens, in], output [tokens, out]
    func addApplied(input: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>, tokens: Int) {
        precondition(input.count >= tokens * inFeatures && output.count >= tokens * outFeatures)
        var reduced = [Float](repeating: 0, count: rank)  // [r]
        a.values.withUnsafeBufferPointer { a in
            b.values.withUnsafeBufferPointer { b in
                for token in 0..<tokens {
                    let x = input.baseAddress! + token * inFeatures
                    for row in 0..<rank {
                        var sum: Float = 0
                        for column in 0..<inFeatures { sum += a[row * inFeatures + column] * x[column] }
                        reduced[row] = sum * scale
                    }
                    let y = output.baseAddress! + token * outFeatures
                    for row in 0..<outFeatures {
                        var sum: Float = 0
                        for column in 0..<rank { sum += b[row * rank + column] * reduced[column] }
                        y[row] += sum
                    }
                }
            }
        }
    }
}
