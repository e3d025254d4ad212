import Foundation
import SeededRandom

/// How the next token is chosen from the logits.
public struct SamplingParameters: Sendable, Equatable {
    /// 0 picks the most likely token (greedy); higher values flatten the distribution.
    public var temperature: Float
    /// Keep only the `topK` most likely tokens; 0 keeps all.
    public var topK: Int
    /// Keep the smallest set of most likely tokens whose probability reaches `topP`; 1 keeps all.
    public var topP: Float
    /// Drop tokens less likely than `minP` times the most likely one; 0 keeps all.
    public var minP: Float
    /// Seed of the random draws: the same seed and prompt give the same text.
    public var seed: UInt64
    /// llama.cpp's repeat penalty: the logit of every token among the last `repeatLastN`
    /// (prompt included) is divided by it when positive, multiplied when not; 1 is off.
    public var repeatPenalty: Float
    /// How many recent tokens the repeat penalty looks at; 0 none, -1 all.
    public var repeatLastN: Int
    /// Generation stops once the decoded text contains one of these; the text is cut before it.
    public var stopStrings: [String]

    /// Greedy decoding unless a temperature is given.
    public init(temperature: Float = 0, topK: Int = 0, topP: Float = 1, minP: Float = 0, seed: UInt64 = 0,
                repeatPenalty: Float = 1, repeatLastN: Int = 64, stopStrings: [String] = []) {
        self.temperature = temperature
        self.topK = topK
        self.topP = topP
        self.minP = minP
        self.seed = seed
        self.repeatPenalty = repeatPenalty
        self.repeatLastN = repeatLastN
        self.stopStrings = stopStrings
    }
}

/// Picks tokens from logits: the repeat penalty, then greedy, or top-k → top-p → min-p on the
/// model's probabilities, then temperature, then a seeded draw (the order of llama.cpp's
/// sampler chain).
struct Sampler {
    let parameters: SamplingParameters
    private var random: SplitMix64
    /// The tokens the repeat penalty looks at, oldest first.  // [≤ repeatLastN]
    private var recent: [Int] = []

    /// A sampler whose repeat-penalty window starts with `history` (the prompt).
    init(parameters: SamplingParameters, history: [Int] = []) {
        self.parameters = parameters
        random = SplitMix64(seed: parameters.seed)
        for token in history { accept(token) }
    }

    /// Records a token of the sequence (prompt or generated) for the repeat penalty.
    mutating func accept(_ token: Int) {
        guard parameters.repeatPenalty != 1, parameters.repeatLastN != 0 else { return }
        recent.append(token)
        if parameters.repeatLastN > 0, recent.count > 2 * parameters.repeatLastN {
            recent.removeFirst(recent.count - parameters.repeatLastN)
        }
    }

    /// The chosen token id.  logits: [vocab]
    mutating func sample(_ logits: UnsafeBufferPointer<Float>) -> Int {
        guard parameters.repeatPenalty != 1, parameters.repeatLastN != 0, !recent.isEmpty else { return choose(logits) }
        var penalized = Array(logits)
        let window = parameters.repeatLastN > 0 ? recent.suffix(parameters.repeatLastN) : recent[...]
        Self.penalize(&penalized, tokens: window, penalty: parameters.repeatPenalty)
        return penalized.withUnsafeBufferPointer { choose($0) }
    }

    /// llama.cpp's repeat penalty: each distinct token of `tokens` once, its logit divided by
    /// `penalty` when positive and multiplied by it otherwise.  logits: [vocab]
    static func penalize(_ logits: inout [Float], tokens: some Sequence<Int>, penalty: Float) {
        for token in Set(tokens) where logits.indices.contains(token) {
            logits[token] = logits[token] <= 0 ? logits[token] * penalty : logits[token] / penalty
        }
    }

    private mutating func choose(_ logits: UnsafeBufferPointer<Float>) -> Int {
        if parameters.temperature <= 0 { return Self.argmax(logits) }

        // Only tokens within `Self.negligibleLogitGap` (times the temperature when above 1) of
        // the best are sorted: each of the rest weighs less than e^-20 ≈ 2e-9 of the best, at
        // temperature 1 and at the sampling temperature, which is under half a float ulp of any
        // sum that includes the best token's weight of 1, so adding it changes no bit of the sums
        // below. With a 151,936-token vocabulary this sorts a few thousand tokens, not all.
        var maximum = -Float.infinity
        for logit in logits where logit > maximum { maximum = logit }
        let cutoff = maximum - Self.negligibleLogitGap * max(1, parameters.temperature)
        var candidates: [(id: Int, logit: Float)] = []
        for (id, logit) in logits.enumerated() where logit >= cutoff { candidates.append((id, logit)) }
        candidates.sort { $0.logit > $1.logit }
        if parameters.topK > 0 { candidates = Array(candidates.prefix(parameters.topK)) }

        // Probabilities at temperature 1 decide which candidates survive top-p and min-p.
        var probabilities = candidates.map { expf($0.logit - maximum) }
        let total = probabilities.reduce(0, +)
        var kept = candidates.count
        if parameters.topP < 1 {
            var cumulative: Float = 0
            for index in candidates.indices {
                cumulative += probabilities[index] / total
                if cumulative >= parameters.topP {
                    kept = index + 1
                    break
                }
            }
        }
        if parameters.minP > 0 {
            // probabilities[0] is e^0 = 1, the most likely token's weight.
            kept = min(kept, max(1, probabilities.prefix(kept).firstIndex { $0 < parameters.minP } ?? kept))
        }
        candidates.removeLast(candidates.count - kept)

        probabilities = candidates.map { expf(($0.logit - maximum) / parameters.temperature) }
        let scaledTotal = probabilities.reduce(0, +)
        var threshold = random.nextUnitFloat() * scaledTotal
        for (index, probability) in probabilities.enumerated() {
            threshold -= probability
            if threshold < 0 { return candidates[index].id }
        }
        return candidates[kept - 1].id
    }

    /// How far below the best logit a token may be and still be a candidate.  // logits
    static let negligibleLogitGap: Float = 20

    /// The index of the largest logit, the first on ties.
    static func argmax(_ logits: UnsafeBufferPointer<Float>) -> Int {
        var best = 0
        for index in logits.indices where logits[index] > logits[best] { best = index }
        return best
    }
}
