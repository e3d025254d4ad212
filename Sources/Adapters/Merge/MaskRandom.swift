/// The random bits of DARE's Bernoulli masks: SplitMix64, one independent stream per
/// (seed, module, tensor, adapter), so a merge gives the same result whatever the thread
/// order. PEFT draws from torch's global generator instead; the two agree in distribution,
/// not bit for bit.
struct MaskRandom {
    private var state: UInt64

    /// The stream for `adapterIndex`'s tensor `tensor` ("lora_A", "lora_B" or "delta") of `module`.
    init(seed: UInt64, module: String, tensor: String, adapterIndex: Int) {
        // FNV-1a over the labels, mixed with the seed.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(module)\u{0}\(tensor)\u{0}\(adapterIndex)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        state = seed ^ hash
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// True with probability `probability`.
    mutating func bernoulli(_ probability: Double) -> Bool {
        Double(next() >> 11) * 0x1p-53 < probability
    }
}
