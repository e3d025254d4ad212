/// Hyperparameters of a decoder-only transformer (Llama, Qwen2, GPT-2), read from GGUF metadata
/// (`<arch>.*` keys) or a Hugging Face `config.json` (see `ModelConfig(huggingFaceConfig:)`).
public struct ModelConfig: Sendable, Equatable {
    /// How a block normalizes its input.
    public enum Normalization: Sendable, Equatable {
        /// x / rms(x) · weight (Llama, Qwen2).
        case rmsNorm
        /// (x − mean) / std · weight + bias (GPT-2).
        case layerNorm
    }

    /// The feed-forward layer of a block.
    public enum FeedForward: Sendable, Equatable {
        /// down(silu(gate·x) ⊙ up·x) (Llama, Qwen2).
        case swiGLU
        /// down(gelu(up·x + b) + b) with GELU's tanh approximation (GPT-2's `gelu_new`).
        case geluTanh
        /// The same with the exact, erf-based GELU (`gelu`).
        case geluExact
    }

    /// How rotary embeddings pair up the dimensions of a head.
    public enum RopeStyle: Sendable, Equatable {
        /// Dimensions (2i, 2i+1) rotate together: llama GGUFs, whose Q/K rows were permuted
        /// at conversion to suit it (ggml's NORMAL rope).
        case adjacentPairs
        /// Dimensions (i, i + headDim/2) rotate together: Qwen2 and HF checkpoints (NEOX).
        case halves
    }

    /// `general.architecture`, e.g. `llama` or `qwen2`.
    public let architecture: String
    /// Width of the residual stream.
    public let dimension: Int
    /// Width of the feed-forward hidden layer.
    public let hiddenDimension: Int
    public let layerCount: Int
    /// Query heads.
    public let headCount: Int
    /// Key/value heads (fewer than query heads under grouped-query attention).
    public let kvHeadCount: Int
    public let headDimension: Int
    public let vocabularySize: Int
    /// Longest sequence the model was trained for.
    public let contextLength: Int
    public let ropeTheta: Float
    public let ropeStyle: RopeStyle
    /// ε of the normalization (RMSNorm or LayerNorm).
    public let rmsEpsilon: Float
    public let normalization: Normalization
    public let feedForward: FeedForward
    /// Rotary position embeddings when true; a learned position-embedding table (GPT-2) when false.
    public let usesRotaryPositions: Bool

    /// Width of all key (or value) heads together.
    public var kvDimension: Int { kvHeadCount * headDimension }

    /// Reads the configuration of a `llama` or `qwen2` GGUF.
    public init(gguf file: GGUFFile) throws {
        let architecture = try file.string("general.architecture")
        let ropeStyle: RopeStyle
        switch architecture {
        case "llama": ropeStyle = .adjacentPairs
        case "qwen2": ropeStyle = .halves
        default: throw InferenceError.unsupportedModel(reason: "architecture '\(architecture)' (llama and qwen2 are implemented)")
        }
        let dimension = try file.integer("\(architecture).embedding_length")
        let headCount = try file.integer("\(architecture).attention.head_count")
        let headDimension = (try? file.integer("\(architecture).attention.key_length")) ?? dimension / headCount
        let vocabularySize = (try? file.integer("\(architecture).vocab_size"))
            ?? file["tokenizer.ggml.tokens"]?.array?.count ?? 0
        try self.init(
            architecture: architecture,
            dimension: dimension,
            hiddenDimension: try file.integer("\(architecture).feed_forward_length"),
            layerCount: try file.integer("\(architecture).block_count"),
            headCount: headCount,
            kvHeadCount: (try? file.integer("\(architecture).attention.head_count_kv")) ?? headCount,
            headDimension: headDimension,
            vocabularySize: vocabularySize,
            contextLength: try file.integer("\(architecture).context_length"),
            ropeTheta: Float((try? file.float("\(architecture).rope.freq_base")) ?? 10_000),
            ropeStyle: ropeStyle,
            rmsEpsilon: Float(try file.float("\(architecture).attention.layer_norm_rms_epsilon")))
    }

    /// A configuration from its values; checks they are consistent.
    public init(
        architecture: String, dimension: Int, hiddenDimension: Int, layerCount: Int, headCount: Int,
        kvHeadCount: Int, headDimension: Int, vocabularySize: Int, contextLength: Int, ropeTheta: Float,
        ropeStyle: RopeStyle, rmsEpsilon: Float, normalization: Normalization = .rmsNorm,
        feedForward: FeedForward = .swiGLU, usesRotaryPositions: Bool = true
    ) throws {
        guard headCount > 0, kvHeadCount > 0, headCount % kvHeadCount == 0 else {
            throw InferenceError.unsupportedModel(reason: "\(headCount) query heads cannot share \(kvHeadCount) key/value heads")
        }
        guard headDimension % 2 == 0, dimension % 32 == 0, hiddenDimension % 32 == 0, vocabularySize > 0 else {
            throw InferenceError.unsupportedModel(reason: "dimensions \(dimension)/\(hiddenDimension)/\(headDimension) are not multiples of the block size")
        }
        self.architecture = architecture
        self.dimension = dimension
        self.hiddenDimension = hiddenDimension
        self.layerCount = layerCount
        self.headCount = headCount
        self.kvHeadCount = kvHeadCount
        self.headDimension = headDimension
        self.vocabularySize = vocabularySize
        self.contextLength = contextLength
        self.ropeTheta = ropeTheta
        self.ropeStyle = ropeStyle
        self.rmsEpsilon = rmsEpsilon
        self.normalization = normalization
        self.feedForward = feedForward
        self.usesRotaryPositions = usesRotaryPositions
    }
}
