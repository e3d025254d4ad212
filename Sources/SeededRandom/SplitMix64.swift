/// The one seeded random generator of Proctor: SplitMix64 (Steele, Lea & Flood 2014). Small,
/// fast and the same on every platform, so a seed gives the same sampled tokens, bootstrap
/// resamples and DARE masks everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    @inlinable
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// Uniform in [0, 1) with 24 bits of precision.
    @inlinable
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) / Float(1 << 24)
    }

    /// Uniform in [0, 1) with 53 bits of precision.
    @inlinable
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform index in `0..<bound` (Lemire's multiply-shift with rejection).
    @inlinable
    public mutating func nextIndex(below bound: Int) -> Int {
        let limit = UInt64(bound)
        while true {
            let product = next().multipliedFullWidth(by: limit)
            if product.low >= (0 &- limit) % limit { return Int(product.high) }
        }
    }
}
