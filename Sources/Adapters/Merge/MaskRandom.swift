import SeededRandom

/// The random bits of DARE's Bernoulli masks: SplitMix64, one independent stream per
/// (seed, module, tensor, adapter), so a merge gives the same result whatever the thread
/// order. PEFT draws from torch's global generator instead; the two agree in distribution,
/// not bit for bit.
struct MaskRandom {
    private var random: SplitMix64

    /// The stream for `adapterIndex`'s tensor `tensor` ("lora_A", "lora_B" or "delta") of `module`.
    init(seed: UInt64, module: String, tensor: String, adapterIndex: Int) {
        // FNV-1a over the labels, mixed with the seed.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(module)\u{0}\(tensor)\u{0}\(adapterIndex)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        random = SplitMix64(seed: seed ^ hash)
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 { random.next() }

    /// True with probability `probability`.
    mutating func bernoulli(_ probability: Double) -> Bool {
        random.nextUnitDouble() < probability
    }
}
