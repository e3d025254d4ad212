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
    }

    /// What one `generate` call produced, with its timing.
    public struct Generation: Sendable {
        /// Generated token ids, the end-of-generation token excluded.
        public let tokens: [Int]
        public let promptTokenCount: Int
        public let stopReason: StopReason
        /// Time spent on the prompt.  // seconds
        public let prefillSeconds: Double
        /// Time spent producing the generated tokens.  // seconds
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

    private let transformer: Transformer

    /// Loads the model at `path` (memory-mapped) with a KV cache for `contextCapacity` tokens:
    /// a GGUF file, or a Hugging Face folder (`config.json`, safetensors weights,
    /// `tokenizer.json`). `chatTemplate` replaces the model's own template.
    public init(modelPath path: String, contextCapacity: Int = 4096, threads: Int = 2, chatTemplate override: ChatTemplate? = nil) throws {
        var templateSource: String?
        var endTokens = Set<Int>()
        switch try ModelFormat.detect(path: path) {
        case .gguf:
            let file = try GGUFFile(path: path)
            transformer = try Transformer(file: file, capacity: contextCapacity, threads: threads)
            tokenizer = try Tokenizer(gguf: file)
            templateSource = file["tokenizer.chat_template"]?.string
        case .huggingFaceDirectory:
            let directory = try HuggingFaceModelDirectory(path: path)
            transformer = try directory.transformer(capacity: contextCapacity, threads: threads)
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
        var logits: UnsafeMutableBufferPointer<Float>!
        for (position, token) in prompt.enumerated() {
            logits = transformer.forward(token: token, position: position)
        }
        return Array(logits)
    }

    /// The greedy choice at each step of `continuation` when the model is fed `prompt` and then
    /// `continuation` itself (teacher forcing): element i is the argmax after `prompt` and the
    /// first i continuation tokens.
    public func greedyChoices(prompt: [Int], continuation: [Int]) -> [Int] {
        let tokens = prompt + continuation.dropLast()
        precondition(!prompt.isEmpty && tokens.count <= transformer.state.capacity)
        var choices: [Int] = []
        for (position, token) in tokens.enumerated() {
            let logits = transformer.forward(token: token, position: position)
            if position >= prompt.count - 1 { choices.append(Sampler.argmax(UnsafeBufferPointer(logits))) }
        }
        return choices
    }

    /// Runs `prompt` and then samples up to `maxTokens` tokens, calling `onToken` with each;
    /// `onToken` returns false to stop early. The cache starts empty on every call.
    public func generate(
        prompt: [Int], maxTokens: Int, sampling: SamplingParameters = SamplingParameters(),
        onToken: (Int) -> Bool = { _ in true }
    ) -> Generation {
        precondition(!prompt.isEmpty, "the prompt needs at least one token")
        let clock = ContinuousClock()
        var sampler = Sampler(parameters: sampling)
        let capacity = transformer.state.capacity
        guard prompt.count <= capacity else {
            return Generation(tokens: [], promptTokenCount: prompt.count, stopReason: .contextFull, prefillSeconds: 0, decodeSeconds: 0)
        }

        let prefillStart = clock.now
        var logits: UnsafeMutableBufferPointer<Float>!
        for (position, token) in prompt.enumerated() {
            logits = transformer.forward(token: token, position: position)
        }
        let prefillSeconds = (clock.now - prefillStart).seconds

        let decodeStart = clock.now
        var generated: [Int] = []
        var stopReason = StopReason.maxTokens
        while generated.count < maxTokens {
            let next = sampler.sample(UnsafeBufferPointer(logits))
            if endOfGenerationTokens.contains(next) {
                stopReason = .endOfGeneration
                break
            }
            generated.append(next)
            if !onToken(next) {
                stopReason = .stoppedByCaller
                break
            }
            let position = prompt.count + generated.count - 1
            if generated.count == maxTokens { break }
            guard position < capacity else {
                stopReason = .contextFull
                break
            }
            logits = transformer.forward(token: next, position: position)
        }
        return Generation(
            tokens: generated, promptTokenCount: prompt.count, stopReason: stopReason,
            prefillSeconds: prefillSeconds, decodeSeconds: (clock.now - decodeStart).seconds)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
