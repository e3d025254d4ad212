import Dispatch
import Inference
import Remote

/// The native model behind the server, one generation at a time: jobs run in order on a serial
/// queue of their own (the model's KV cache is single-use, and generation is CPU-bound work that
/// must not hold a thread of Swift's cooperative pool). This is the only type that calls
/// `TextGenerator`, so a batched generator can replace the loop over choices here.
public final class NativeEngine: @unchecked Sendable {
    private let generator: TextGenerator
    private let queue = DispatchQueue(label: "proctor.serve.engine")

    /// Tokens the generator's KV cache holds.
    private let capacity: Int

    /// Serves `generator`, whose KV cache holds `contextCapacity` tokens.
    public init(generator: TextGenerator, contextCapacity: Int) {
        self.generator = generator
        capacity = contextCapacity
    }

    /// Runs `job` after the jobs queued before it.
    public func run(_ job: EngineJob) async throws(ServingError) -> EngineResult {
        let result: Result<EngineResult, ServingError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { () throws(ServingError) in try self.generate(job) }) }
        }
        return try result.get()
    }

    /// The job's choices, decoded as one batch.
    private func generate(_ job: EngineJob) throws(ServingError) -> EngineResult {
        let prompt: [Int]
        switch job.prompt {
        case .chat(let messages):
            guard let template = generator.chatTemplate else {
                throw ServingError(.badRequest, "the model has no chat template; use /v1/completions", param: "messages")
            }
            let text = template.render(messages.map { ChatTemplate.Message(role: $0.role, content: $0.content) })
            prompt = generator.promptTokens(for: text, raw: true)
        case .text(let text):
            prompt = generator.promptTokens(for: text, raw: true)
        }
        guard !prompt.isEmpty else { throw ServingError(.badRequest, "the prompt is empty", param: "prompt") }
        guard prompt.count < capacity else {
            throw ServingError(.badRequest, "the prompt is \(prompt.count) tokens; the context holds \(capacity)",
                               param: "messages", code: "context_length_exceeded")
        }
        let maxTokens = min(job.maxTokens ?? capacity, capacity - prompt.count)
        // The n choices decode together over the prompt's shared cache; choice i is seeded
        // seed + i and equals what it would be generated alone.
        var sampling = job.sampling
        sampling.stopStrings = job.stop
        generator.adapter = job.adapter  // safe: jobs run one at a time on this engine's queue
        let generations = generator.generate(prompt: prompt, count: job.count, maxTokens: maxTokens, sampling: sampling)
        let choices = generations.map { generation in
            let finish = switch generation.stopReason {
            case .endOfGeneration, .stoppedByCaller, .stopString: "stop"
            case .maxTokens, .contextFull: "length"
            }
            return EngineResult.Choice(text: generation.text, finishReason: finish, completionTokens: generation.tokens.count)
        }
        return EngineResult(promptTokens: prompt.count, choices: choices)
    }
}
