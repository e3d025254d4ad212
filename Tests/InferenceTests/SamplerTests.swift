@testable import Inference
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
    }
}
