/// Generates text from a GGUF model or a Hugging Face folder on the CPU: the public face of the
/// Inference module.
public final class TextGenerator {
    /// Why generation stopped.
    public enum StopReason: String, Sendable {
        /// The model produced an end-of-generation token.
        case endOfGeneration
        /// `maxTokens` tokens were produced.
        case maxTokens
        /// The KV cache is full.
        case contextFull
        /// The caller's callback asked to stop.
        case stoppedByCaller
        /// The text contains one of the stop strings.
        case stopString
    }

    /// What one sample of a `generate` call produced, with its timing.
    public struct Generation: Sendable {
        /// Generated token ids, the end-of-generation token excluded; the token that completed
        /// a stop string included.
        public let tokens: [Int]
        /// The decoded tokens, cut before the stop string when one ended the generation.
        public let text: String
        public let promptTokenCount: Int
        /// Leading prompt tokens whose keys and values were copied from an earlier prompt of
        /// the same run instead of computed (see `SequenceScheduler`).
        public var reusedPromptTokens = 0
        public let stopReason: StopReason
        /// Time spent on the prompt (shared by the samples of one call).  // seconds
        public let prefillSeconds: Double
        /// Time from the end of the prompt until this sample finished; samples of one call
        /// decode together, so these overlap.  // seconds
        public let decodeSeconds: Double
    }

    public let config: ModelConfig
    public let tokenizer: Tokenizer
    /// The chat template: the override given, else the model's own when it is of a family
    /// `ChatTemplate` implements; nil for models without one (plain completion).
    public let chatTemplate: ChatTemplate?
    /// Why the model's own chat template was not used, when it has one that is not recognised:
    /// callers needing a chat prompt should refuse rather than fall back to plain text.
    public let chatTemplateProblem: String?
    /// Tokens that end a generation: EOS and the common end-of-turn control tokens.
    public let endOfGenerationTokens: Set<Int>

    /// The low-rank update applied next to the base projections (a LoRA adapter, unmerged),
    /// or nil for the base model alone. Set it between calls: several adapters share the one
    /// copy of the base weights this generator holds.
    public var adapter: ProjectionAdapter? {
        get { transformer.adapter }
        set { transformer.adapter = newValue }
    }

    private let transformer: Transformer

    /// Loads the model at `path` (memory-mapped) with a KV cache for `contextCapacity` tokens
    /// per sequence: a GGUF file, or a Hugging Face folder (`config.json`, safetensors weights,
    /// `tokenizer.json`). A forward pass runs up to `batchSize` tokens (prompt chunk or
    /// samples). `chatTemplate` replaces the model's own template.
    public init(modelPath path: String, contextCapacity: Int = 4096, threads: Int = 2, batchSize: Int = 64,
                chatTemplate override: ChatTemplate? = nil) throws {
        precondition(batchSize >= 1, "the batch size must be at least 1")
        var templateSource: String?
        var endTokens = Set<Int>()
        switch try ModelFormat.detect(path: path) {
        case .gguf:
            let file = try GGUFFile(path: path)
            transformer = try Transformer(file: file, capacity: contextCapacity, threads: threads, batchCapacity: batchSize)
            tokenizer = try Tokenizer(gguf: file)
            templateSource = file["tokenizer.chat_template"]?.string
        case .huggingFaceDirectory:
            let directory = try HuggingFaceModelDirectory(path: path)
            transformer = try directory.transformer(capacity: contextCapacity, threads: threads, batchCapacity: batchSize)
            let files = try HuggingFaceTokenizer(directory: path)
            tokenizer = files.tokenizer
            templateSource = files.chatTemplate
            endTokens.formUnion(files.endOfGenerationTokenIDs)
        }
        config = transformer.config
        var problem: String?
        var modelTemplate: ChatTemplate?
        if let templateSource {
            do { modelTemplate = try ChatTemplate(jinja: templateSource) } catch { problem = "\(path): \(error)" }
        }
        chatTemplate = override ?? modelTemplate
        chatTemplateProblem = override == nil ? problem : nil
        if let eos = tokenizer.eosTokenID { endTokens.insert(eos) }
        for text in ["<|im_end|>", "<|endoftext|>", "<|eot_id|>", "<|end|>", "<end_of_turn>"] {
            if let id = tokenizer.id(of: text), tokenizer.kinds[id] == .control { endTokens.insert(id) }
        }
        endOfGenerationTokens = endTokens
    }

    /// Prompt token ids for `text`: chat-templated as a single user message unless `raw`;
    /// special tokens in the text are parsed; BOS only when the model's metadata asks for it.
    public func promptTokens(for text: String, raw: Bool) -> [Int] {
        let prompt = raw || chatTemplate == nil
            ? text
            : chatTemplate!.render([ChatTemplate.Message(role: "user", content: text)])
        var ids = tokenizer.encode(prompt, parseSpecial: true)
        // A template may write BOS itself (Llama 3's does); never add a second.
        if tokenizer.addsBOS, let bos = tokenizer.bosTokenID, ids.first != bos { ids.insert(bos, at: 0) }
        return ids
    }

    /// The next-token logits after running `prompt` from an empty cache.  // [vocab]
    public func logits(after prompt: [Int]) -> [Float] {
        precondition(!prompt.isEmpty && prompt.count <= transformer.state.capacity)
        transformer.state.unshare(0)
        return prefill(prompt, slot: 0)
    }

    /// The greedy choice at each step of `continuation` when the model is fed `prompt` and then
    /// `continuation` itself (teacher forcing): element i is the argmax after `prompt` and the
    /// first i continuation tokens.
    public func greedyChoices(prompt: [Int], continuation: [Int]) -> [Int] {
        let tokens = prompt + continuation.dropLast()
        precondition(!prompt.isEmpty && tokens.count <= transformer.state.capacity)
        transformer.state.unshare(0)
        var choices: [Int] = []
        for chunkStart in stride(from: 0, to: tokens.count, by: transformer.state.batchCapacity) {
            let positions = chunkStart..<min(tokens.count, chunkStart + transformer.state.batchCapacity)
            let batch = positions.map {
                Transformer.BatchToken(token: tokens[$0], position: $0, sequence: 0, wantsLogits: $0 >= prompt.count - 1)
            }
            let logits = transformer.forward(batch)
            let vocabulary = config.vocabularySize
            for row in 0..<(logits.count / vocabulary) {
                choices.append(Sampler.argmax(UnsafeBufferPointer(rebasing: logits[(row * vocabulary)..<((row + 1) * vocabulary)])))
            }
        }
        return choices
    }

    /// Runs `prompt` and then samples up to `maxTokens` tokens, calling `onToken` with each;
    /// `onToken` returns false to stop early. The cache starts empty on every call.
    public func generate(
        prompt: [Int], maxTokens: Int, sampling: SamplingParameters = SamplingParameters(),
        onToken: (Int) -> Bool = { _ in true }
    ) -> Generation {
        generate(prompt: prompt, samplings: [sampling], maxTokens: maxTokens) { _, token in onToken(token) }[0]
    }

    /// `count` samples of `prompt`, sample i seeded with `sampling.seed &+ i`: sample i is the
    /// text a single `generate` with that seed produces.
    public func generate(prompt: [Int], count: Int, maxTokens: Int, sampling: SamplingParameters) -> [Generation] {
        let samplings = (0..<count).map { index in
            var parameters = sampling
            parameters.seed = sampling.seed &+ UInt64(index)
            return parameters
        }
        return generate(prompt: prompt, samplings: samplings, maxTokens: maxTokens)
    }

    /// One sample of `prompt` per element of `samplings`, decoded together.
    ///
    /// The prompt runs once, in chunks of consecutive positions; every sample then reads the
    /// prompt's keys and values from that one cache slot and writes its own tokens to its own
    /// slot. Each step runs one token of every live sample as one batch, so the weights are
    /// read once per step rather than once per sample; finished samples drop out. Each
    /// sample's arithmetic is exactly that of generating it alone, so sample i equals a
    /// single `generate` with `samplings[i]`. `onToken(sample, token)` returns false to stop
    /// that sample.
    public func generate(
        prompt: [Int], samplings: [SamplingParameters], maxTokens: Int,
        onToken: (Int, Int) -> Bool = { _, _ in true }
    ) -> [Generation] {
        var result: [Generation] = []
        generate(requests: [DecodeRequest(prompt: prompt, samplings: samplings, maxTokens: maxTokens)],
                 maxSequences: max(1, samplings.count), onToken: { _, sample, token in onToken(sample, token) },
                 onFinish: { _, generations in result = generations })
        return result
    }

    /// Decodes many requests together (continuous batching): up to `maxSequences` samples at
    /// once, each with its own KV-cache slot (a request's samples share its prompt's), a
    /// finished request's slots going at once to the next waiting one, whose prompt runs in
    /// the same forward passes as the others' next tokens. Every sample is token for token what
    /// it would be decoded alone. `onToken(request, sample, token)` returns false to stop that
    /// sample; `onFinish(request, generations)` is called once per request, as each finishes
    /// (not in request order), with one generation per sampling; an error it throws stops the
    /// run and is rethrown.
    public func generate<E: Error>(
        requests: [DecodeRequest], maxSequences: Int,
        onToken: (Int, Int, Int) -> Bool = { _, _, _ in true },
        onFinish: (Int, [Generation]) throws(E) -> Void
    ) throws(E) {
        let scheduler = SequenceScheduler(transformer: transformer, tokenizer: tokenizer, endTokens: endOfGenerationTokens)
        try scheduler.run(requests, maxSequences: maxSequences, onToken: onToken, onFinish: onFinish)
    }

    /// Decodes what `feed` hands out, as `generate(requests:)` does, asking it again at every
    /// step while there is room, so work that arrives during a run joins the running batch.
    /// Requests are numbered 0, 1, … in the order `feed` gives them; the call returns when
    /// `feed` has nothing (returns nil while nothing is running) and every request has finished.
    public func generate<E: Error>(
        feed: () -> DecodeRequest?, maxSequences: Int,
        onToken: (Int, Int, Int) -> Bool = { _, _, _ in true },
        onFinish: (Int, [Generation]) throws(E) -> Void
    ) throws(E) {
        let scheduler = SequenceScheduler(transformer: transformer, tokenizer: tokenizer, endTokens: endOfGenerationTokens)
        try scheduler.run(feed: feed, maxSequences: maxSequences, onToken: onToken, onFinish: onFinish)
    }

    /// Runs `prompt` from position 0 in `slot`, in chunks of consecutive positions, and
    /// returns the logits after its last token.  // [vocab]
    private func prefill(_ prompt: [Int], slot: Int) -> [Float] {
        let chunkSize = transformer.state.batchCapacity
        var logits: [Float] = []
        for chunkStart in stride(from: 0, to: prompt.count, by: chunkSize) {
            let positions = chunkStart..<min(prompt.count, chunkStart + chunkSize)
            let batch = positions.map {
                Transformer.BatchToken(token: prompt[$0], position: $0, sequence: slot, wantsLogits: $0 == prompt.count - 1)
            }
            let result = transformer.forward(batch)
            if !result.isEmpty { logits = Array(result) }
        }
        return logits
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
