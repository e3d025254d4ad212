import Foundation
@testable import Inference
import SeededRandom
import Testing

@Suite("Sampling")
struct SamplerTests {
    let logits: [Float] = [1.0, 3.0, 2.5, -1.0, 3.0, 0.5]

    func draws(_ parameters: SamplingParameters, count: Int = 200) -> [Int] {
        var sampler = Sampler(parameters: parameters)
        return logits.withUnsafeBufferPointer { buffer in (0..<count).map { _ in sampler.sample(buffer) } }
    }

    @Test("greedy picks the largest logit, the first on ties")
    func greedy() {
        #expect(draws(SamplingParameters(temperature: 0), count: 3) == [1, 1, 1])
    }

    @Test("the same seed gives the same draws, another seed other draws")
    func seeds() {
        let parameters = SamplingParameters(temperature: 1, seed: 42)
        #expect(draws(parameters) == draws(parameters))
        #expect(draws(parameters) != draws(SamplingParameters(temperature: 1, seed: 43)))
    }

    @Test("top-k keeps only the k most likely tokens")
    func topK() {
        #expect(Set(draws(SamplingParameters(temperature: 5, topK: 2, seed: 1))).isSubset(of: [1, 4]))
    }

    @Test("top-p keeps the smallest set reaching p")
    func topP() {
        // p(1) = p(4) ≈ 0.34, p(2) ≈ 0.21: 0.6 needs tokens 1 and 4 only.
        #expect(Set(draws(SamplingParameters(temperature: 1, topP: 0.6, seed: 2))).isSubset(of: [1, 4]))
    }

    @Test("min-p drops tokens far less likely than the best")
    func minP() {
        // e^(0.5−3) ≈ 0.08 and e^(1−3) ≈ 0.14 fall below 0.5; e^(2.5−3) ≈ 0.61 stays.
        #expect(Set(draws(SamplingParameters(temperature: 1, minP: 0.5, seed: 3))) == [1, 2, 4])
    }

    @Test("every token can be drawn at a high temperature")
    func fullSupport() {
        #expect(Set(draws(SamplingParameters(temperature: 10, seed: 4), count: 2000)) == Set(0..<6))
    }

    @Test("sorting only the tokens within 20 logits of the best draws what sorting the whole vocabulary draws",
          arguments: [SamplingParameters(temperature: 0.2, seed: 11), SamplingParameters(temperature: 0.7, topP: 0.95, seed: 12),
                      SamplingParameters(temperature: 1, seed: 13), SamplingParameters(temperature: 1, topK: 40, seed: 14),
                      SamplingParameters(temperature: 1.5, topP: 0.9, minP: 0.05, seed: 15),
                      SamplingParameters(temperature: 1.3, seed: 16)])
    func cutoffMatchesFullSort(parameters: SamplingParameters) {
        // Qwen's vocabulary size; a few strong tokens over a wide bulk, so that most tokens fall
        // below the cutoff and thousands lie within it.
        var random = SplitMix64(seed: parameters.seed)
        let vocabulary = 151_936
        var logits = (0..<vocabulary).map { _ in (random.nextUnitFloat() + random.nextUnitFloat() + random.nextUnitFloat() - 1.5) * 12 }
        for (index, token) in [17, 40_000, 99_999, 151_000].enumerated() { logits[token] = 24 - Float(index) * 0.7 }
        let cutoff = 24 - Sampler.negligibleLogitGap * max(1, parameters.temperature)
        let within = logits.filter { $0 >= cutoff }.count
        #expect(within > 1000 && within < vocabulary - 1000, "the cutoff keeps \(within) tokens")

        var sampler = Sampler(parameters: parameters)
        let drawn = logits.withUnsafeBufferPointer { buffer in (0..<300).map { _ in sampler.sample(buffer) } }
        #expect(drawn == Self.fullSortDraws(logits, parameters, count: 300))
        #expect(Set(drawn).count > 1, "the draws vary")
    }

    /// The sampler's chain (top-k → top-p → min-p at temperature 1, then the temperature and a
    /// seeded draw) over every token sorted by logit, stable on ties, with no cutoff.
    static func fullSortDraws(_ logits: [Float], _ parameters: SamplingParameters, count: Int) -> [Int] {
        var candidates = logits.enumerated().map { (id: $0.offset, logit: $0.element) }
        candidates.sort { $0.logit > $1.logit || ($0.logit == $1.logit && $0.id < $1.id) }
        if parameters.topK > 0 { candidates = Array(candidates.prefix(parameters.topK)) }
        let maximum = candidates[0].logit
        var weights = candidates.map { expf($0.logit - maximum) }
        let total = weights.reduce(0, +)
        var kept = candidates.count
        if parameters.topP < 1 {
            var cumulative: Float = 0
            for index in candidates.indices {
                cumulative += weights[index] / total
                if cumulative >= parameters.topP { kept = index + 1; break }
            }
        }
        if parameters.minP > 0 { kept = min(kept, max(1, weights.prefix(kept).firstIndex { $0 < parameters.minP } ?? kept)) }
        candidates = Array(candidates.prefix(kept))
        weights = candidates.map { expf(($0.logit - maximum) / parameters.temperature) }
        let scaledTotal = weights.reduce(0, +)
        var random = SplitMix64(seed: parameters.seed)
        return (0..<count).map { _ in
            var threshold = random.nextUnitFloat() * scaledTotal
            for (index, weight) in weights.enumerated() {
                threshold -= weight
                if threshold < 0 { return candidates[index].id }
            }
            return candidates[kept - 1].id
        }
    }
}

@Suite("Chat template")
struct ChatTemplateTests {
    @Test("renders ChatML with the default system message when none is given")
    func defaultSystem() {
        let template = ChatTemplate(defaultSystemMessage: "Be brief.")
        #expect(template.render([.init(role: "user", content: "hi")]) ==
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n")
    }

    @Test("keeps the conversation's own system message")
    func ownSystem() {
        let template = ChatTemplate(defaultSystemMessage: "Be brief.")
        let text = template.render([.init(role: "system", content: "S"), .init(role: "user", content: "U")], addGenerationPrompt: false)
        #expect(text == "<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n")
    }

    @Test("finds the literal default system message in a Jinja ChatML template")
    func defaultFromJinja() {
        let smol = "{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\nYou are SmolLM<|im_end|>\n' }}{% endif %}"
        #expect(ChatTemplate.defaultSystemMessage(in: smol) == "You are SmolLM")
        let qwen = "{{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}{%- else %}{{- '<|im_start|>system\nYou are Qwen.<|im_end|>\n' }}"
        #expect(ChatTemplate.defaultSystemMessage(in: qwen) == "You are Qwen.")
        // Qwen2.5's own template writes the newline as a `\n` escape inside its Jinja strings,
        // and its tools branch opens the system turn without closing it on the same literal.
        let escaped = #"""
            {%- if tools %}{{- '<|im_start|>system\n' }}{{- "\n\n# Tools<|im_end|>\n" }}{%- else %}
            {{- '<|im_start|>system\n' + messages[0]['content'] + '<|im_end|>\n' }}
            {{- '<|im_start|>system\nYou are Qwen, created by Alibaba Cloud.<|im_end|>\n' }}{%- endif %}
            """#
        #expect(ChatTemplate.defaultSystemMessage(in: escaped) == "You are Qwen, created by Alibaba Cloud.")
    }
}

@Suite("Repeat penalty and stop strings")
struct SamplingExtrasTests {
    @Test("the repeat penalty divides positive logits and multiplies negative ones, once per distinct token")
    func repeatPenaltyArithmetic() {
        var logits: [Float] = [2.0, -1.0, 0.5, 3.0, 0.0]
        Sampler.penalize(&logits, tokens: [0, 1, 0, 4], penalty: 2)
        #expect(logits == [1.0, -2.0, 0.5, 3.0, 0.0])
    }

    @Test("only the last N tokens of the history, prompt included, are penalized")
    func repeatWindow() {
        // Token 1 (3.0) leads token 4 (2.9); with token 1 in the window 3.0/1.5 = 2.0 < 2.9.
        let logits: [Float] = [1.0, 3.0, 2.5, -1.0, 2.9]
        let parameters = SamplingParameters(temperature: 0, repeatPenalty: 1.5, repeatLastN: 2)
        func choice(_ history: [Int]) -> Int {
            var sampler = Sampler(parameters: parameters, history: history)
            return logits.withUnsafeBufferPointer { sampler.sample($0) }
        }
        #expect(choice([1, 0, 3]) == 1)  // token 1 fell out of the window of 2
        #expect(choice([0, 1, 3]) == 4)
        #expect(choice([]) == 1)
        var sampler = Sampler(parameters: parameters, history: [0, 3])
        sampler.accept(1)
        let penalized = logits.withUnsafeBufferPointer { sampler.sample($0) }
        #expect(penalized == 4)
        // 1.0 (off) leaves the choice alone.
        var off = Sampler(parameters: SamplingParameters(temperature: 0, repeatPenalty: 1), history: [1])
        let unpenalized = logits.withUnsafeBufferPointer { off.sample($0) }
        #expect(unpenalized == 1)
    }

    @Test("a repeat-last-n of -1 looks at the whole history")
    func wholeHistory() {
        let logits: [Float] = [1.0, 3.0, 2.5]
        var sampler = Sampler(parameters: SamplingParameters(temperature: 0, repeatPenalty: 2, repeatLastN: -1),
                              history: [1] + Array(repeating: 0, count: 500))
        let choice = logits.withUnsafeBufferPointer { sampler.sample($0) }
        #expect(choice == 2)
    }

    @Test("a stop string is found across token boundaries and cut from the text")
    func stopAcrossTokens() {
        var matcher = StopStringMatcher(stopStrings: ["\n```", "END"])
        let found1 = matcher.append(Array("print(1)\n".utf8))
        #expect(!found1)
        let found2 = matcher.append(Array("``".utf8))
        #expect(!found2)
        let found3 = matcher.append(Array("`\nmore".utf8))
        #expect(found3)
        #expect(matcher.text == "print(1)")
    }

    @Test("the earliest of several stop strings wins, and none leaves the text whole")
    func earliestStop() {
        var matcher = StopStringMatcher(stopStrings: ["cd", "b"])
        let found4 = matcher.append(Array("abcd".utf8))
        #expect(found4)
        #expect(matcher.text == "a")
        var plain = StopStringMatcher(stopStrings: [])
        let found5 = plain.append(Array("abc".utf8))
        #expect(!found5)
        #expect(plain.text == "abc")
    }

    @Test("tokens that split a UTF-8 character reassemble, and a stop string can follow it")
    func splitCharacters() {
        // "é" is C3 A9 and "→" is E2 86 92; each arrives split over two tokens.
        var matcher = StopStringMatcher(stopStrings: ["→"])
        let found6 = matcher.append([0x63, 0x61, 0x66, 0xC3])
        #expect(!found6)
        let found7 = matcher.append([0xA9, 0x20, 0xE2])
        #expect(!found7)
        #expect(matcher.text == "café \u{FFFD}")
        let found8 = matcher.append([0x86, 0x92, 0x21])
        #expect(found8)
        #expect(matcher.text == "café ")
    }
}
