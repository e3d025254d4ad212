import Foundation

/// The small pure kernels of the forward pass, in the spirit of llama2.c's `run.c`. Only `dot`
/// is public: the adapter products (Adapters) use it too.
public enum Kernels {
    /// out = x / rms(x) · weight, rms(x) = √(mean(x²) + ε).  x, weight, out: [count]
    static func rmsNorm(
        _ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ weight: UnsafePointer<Float>,
        count: Int, epsilon: Float
    ) {
        var sumOfSquares: Double = 0  // ggml accumulates in double here
        for index in 0..<count { sumOfSquares += Double(x[index] * x[index]) }
        let scale = 1 / (Float(sumOfSquares / Double(count)) + epsilon).squareRoot()
        for index in 0..<count { out[index] = x[index] * scale * weight[index] }
    }

    /// LayerNorm: out = (x − mean(x)) / √(var(x) + ε) · weight + bias.  x, weight, bias, out: [count]
    static func layerNorm(
        _ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ weight: UnsafePointer<Float>,
        _ bias: UnsafePointer<Float>, count: Int, epsilon: Float
    ) {
        var sum: Double = 0
        for index in 0..<count { sum += Double(x[index]) }
        let mean = Float(sum / Double(count))
        var sumOfSquares: Double = 0
        for index in 0..<count { sumOfSquares += Double((x[index] - mean) * (x[index] - mean)) }
        let scale = 1 / (Float(sumOfSquares / Double(count)) + epsilon).squareRoot()
        for index in 0..<count { out[index] = (x[index] - mean) * scale * weight[index] + bias[index] }
    }

    /// GELU, tanh approximation (GPT-2's `gelu_new`):
    /// x/2 · (1 + tanh(√(2/π) · (x + 0.044715·x³))).  x: [count], in place
    static func geluTanh(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let root2OverPi: Float = 0.7978845608028654
        for index in 0..<count {
            let v = x[index]
            x[index] = 0.5 * v * (1 + tanhf(root2OverPi * (v + 0.044715 * v * v * v)))
        }
    }

    /// Exact GELU: x/2 · (1 + erf(x/√2)).  x: [count], in place
    static func geluExact(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count { x[index] = 0.5 * x[index] * (1 + erff(x[index] * 0.7071067811865476)) }
    }

    /// Σ a·b in single precision.  a, b: [count]
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        BlockDot.f32(UnsafeRawPointer(a), b, count: count)
    }

    /// x += weight · y, eight lanes at a time.  x, y: [count]
    public static func addScaled(_ x: UnsafeMutablePointer<Float>, _ weight: Float, _ y: UnsafePointer<Float>, count: Int) {
        let wide = count & ~7
        let raw = UnsafeMutableRawPointer(x), source = UnsafeRawPointer(y)
        let w = SIMD8<Float>(repeating: weight)
        var index = 0
        while index < wide {
            let offset = index * MemoryLayout<Float>.stride
            let sum = raw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                + w * source.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            raw.storeBytes(of: sum, toByteOffset: offset, as: SIMD8<Float>.self)
            index += 8
        }
        while index < count {
            x[index] += weight * y[index]
            index += 1
        }
    }

    /// Rotates each head of `vector` by `position` angles θ_i = position · base^(−2i/headDim).
    ///   vector: [heads · headDim]
    static func rope(
        _ vector: UnsafeMutablePointer<Float>, heads: Int, headDimension: Int, position: Int,
        theta: Float, style: ModelConfig.RopeStyle
    ) {
        let half = headDimension / 2
        for pair in 0..<half {
            let frequency = powf(theta, -Float(2 * pair) / Float(headDimension))
            let angle = Float(position) * frequency
            let cosine = cosf(angle), sine = sinf(angle)
            for head in 0..<heads {
                let base = vector + head * headDimension
                let (first, second) = style == .adjacentPairs ? (2 * pair, 2 * pair + 1) : (pair, pair + half)
                let a = base[first], b = base[second]
                base[first] = a * cosine - b * sine
                base[second] = a * sine + b * cosine
            }
        }
    }

    /// In-place softmax of `x`: [count].
    static func softmax(_ x: UnsafeMutablePointer<Float>, count: Int) {
        var maximum = -Float.infinity
        for index in 0..<count { maximum = max(maximum, x[index]) }
        var sum: Double = 0  // ggml sums the exponentials in double
        for index in 0..<count {
            x[index] = expf(x[index] - maximum)
            sum += Double(x[index])
        }
        let inverse = Float(1 / sum)
        for index in 0..<count { x[index] *= inverse }
    }

    /// SwiGLU: gate = silu(gate) · up, silu(g) = g / (1 + e^−g).  gate, up: [count]
    static func swiGLU(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, count: Int) {
        for index in 0..<count {
            let g = gate[index]
            gate[index] = g / (1 + expf(-g)) * up[index]
        }
    }

    /// x += y.  x, y: [count]
    static func add(_ x: UnsafeMutablePointer<Float>, _ y: UnsafePointer<Float>, count: Int) {
        for index in 0..<count { x[index] += y[index] }
    }

    /// out = x rounded to half precision.  x, out: [count]
    static func storeHalf(_ out: UnsafeMutablePointer<Float16>, _ x: UnsafePointer<Float>, count: Int) {
        for index in 0..<count { out[index] = Float16(x[index]) }
    }
}
