import Foundation
import Inference
import OpenAIWire
import Synchronization

/// The native model behind the server. Requests join one running batch (continuous batching,
/// `TextGenerator.generate(feed:)`): a worker thread of its own decodes every admitted
/// request's next token in one forward pass, and a request arriving meanwhile is admitted at
/// the next step while fewer than `maxSequences` sequences are live, in arrival order. Each
/// request carries its own adapter (or none): rows of the base and of several adapters share
/// one forward pass. Generation is CPU-bound and must not hold a thread of Swift's cooperative
/// pool, hence the thread.
public final class NativeEngine: @unchecked Sendable {
    /// A request waiting for, or admitted to, the batch; its callbacks run on the worker.
    private struct Entry {
        let request: DecodeRequest
        /// Each generated token as (choice, token); false stops that choice.
        var onToken: ((Int, Int) -> Bool)? = nil
        /// The finished choices.
        let finish: ([TextGenerator.Generation]) -> Void
    }

    private let generator: TextGenerator
    /// Tokens each sequence's KV cache holds.
    private let capacity: Int
    /// Most sequences decoding at once.
    public let maxSequences: Int
    private let condition = NSCondition()
    private var waiting: [Entry] = []  // guarded by condition
    private var worker: Thread?  // guarded by condition

    /// Serves `generator`, whose KV cache holds `contextCapacity` tokens per sequence, with up to
    /// `maxSequences` sequences (a request's n choices count n) decoding together.
    public init(generator: TextGenerator, contextCapacity: Int, maxSequences: Int = 8) {
        self.generator = generator
        capacity = contextCapacity
        self.maxSequences = max(1, maxSequences)
    }

    /// Runs `job` in the shared batch and returns when all its choices have finished.
    public func run(_ job: EngineJob) async throws(ServingError) -> EngineResult {
        let request = try decodeRequest(for: job)
        let generations = await withCheckedContinuation { continuation in
            enqueue(Entry(request: request, finish: { continuation.resume(returning: $0) }))
        }
        return Self.result(generations, promptTokens: request.prompt.count)
    }

    /// What a streamed job yields: text as it becomes final, then the whole result.
    public enum Event: Sendable {
        /// The next piece of choice `choice`'s text (the pieces of a choice put together are its text).
        case text(choice: Int, String)
        /// Every choice has finished.
        case finished(EngineResult)
    }

    /// Runs `job` in the shared batch and yields its text as it is generated. Ending the
    /// iteration early (a client gone) stops the job's choices at their next token.
    public func stream(_ job: EngineJob) throws(ServingError) -> AsyncStream<Event> {
        let request = try decodeRequest(for: job)
        let (events, continuation) = AsyncStream<Event>.makeStream()
        let cancelled = CancelFlag()
        continuation.onTermination = { _ in cancelled.set() }
        var deltas = (0..<job.count).map { _ in TextDeltas(stopStrings: job.stop) }
        let generator = generator
        enqueue(Entry(
            request: request,
            onToken: { choice, token in
                if cancelled.isSet { return false }
                let piece = deltas[choice].append(generator.tokenizer.bytes(of: token))
                if !piece.isEmpty { continuation.yield(.text(choice: choice, piece)) }
                return true
            },
            finish: { generations in
                for (choice, generation) in generations.enumerated() {
                    let rest = deltas[choice].finish(finalText: generation.text)
                    if !rest.isEmpty { continuation.yield(.text(choice: choice, rest)) }
                }
                continuation.yield(.finished(Self.result(generations, promptTokens: request.prompt.count)))
                continuation.finish()
            }))
        return events
    }

    private static func result(_ generations: [TextGenerator.Generation], promptTokens: Int) -> EngineResult {
        let choices = generations.map { generation in
            let finish = switch generation.stopReason {
            case .endOfGeneration, .stoppedByCaller, .stopString: "stop"
            case .maxTokens, .contextFull: "length"
            }
            return EngineResult.Choice(text: generation.text, finishReason: finish, completionTokens: generation.tokens.count)
        }
        return EngineResult(promptTokens: promptTokens, choices: choices)
    }

    /// The job's prompt tokens and samplings (choice i seeded seed + i), checked against the
    /// context size.
    private func decodeRequest(for job: EngineJob) throws(ServingError) -> DecodeRequest {
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
        let field: String
        if case .chat = job.prompt { field = "messages" } else { field = "prompt" }
        guard !prompt.isEmpty else { throw ServingError(.badRequest, "the prompt is empty", param: field) }
        guard prompt.count < capacity else {
            throw ServingError(.badRequest, "the prompt is \(prompt.count) tokens; the context holds \(capacity)",
                               param: field, code: "context_length_exceeded")
        }
        let samplings = (0..<job.count).map { index in
            var sampling = job.sampling
            sampling.seed = job.sampling.seed &+ UInt64(index)
            sampling.stopStrings = job.stop
            return sampling
        }
        return DecodeRequest(prompt: prompt, samplings: samplings,
                             maxTokens: min(job.maxTokens ?? capacity, capacity - prompt.count), adapter: job.adapter)
    }

    private func enqueue(_ entry: Entry) {
        condition.lock()
        waiting.append(entry)
        if worker == nil {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "proctor.serve.engine"
            thread.stackSize = 8 << 20
            worker = thread
            thread.start()
        }
        condition.signal()
        condition.unlock()
    }

    /// The worker: runs whatever is waiting, for as long as the server runs.
    private func work() {
        while true {
            condition.lock()
            while waiting.isEmpty { condition.wait() }
            condition.unlock()

            var admitted: [Int: Entry] = [:]
            var handedOut = 0
            generator.generate(
                feed: { () -> DecodeRequest? in
                    condition.lock()
                    defer { condition.unlock() }
                    guard !waiting.isEmpty else { return nil }
                    let first = waiting.removeFirst()
                    admitted[handedOut] = first
                    handedOut += 1
                    return first.request
                },
                maxSequences: maxSequences,
                onToken: { index, choice, token in admitted[index]?.onToken?(choice, token) ?? true },
                onFinish: { index, generations in
                    admitted.removeValue(forKey: index)?.finish(generations)
                })
        }
    }
}

/// Set when a streamed job's reader has gone; read by the worker.
private final class CancelFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }
    func set() { flag.store(true, ordering: .relaxed) }
}
