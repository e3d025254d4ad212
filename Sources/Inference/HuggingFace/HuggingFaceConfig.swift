import Foundation

/// A Hugging Face `config.json` for a `llama`, `qwen2` or `gpt2` model: the `ModelConfig` it
/// describes and what the checkpoint's tensors must then hold.
///
/// Keys read — llama/qwen2: `hidden_size`, `intermediate_size`, `num_hidden_layers`,
/// `num_attention_heads`, `num_key_value_heads`, `head_dim`, `rms_norm_eps`, `rope_theta` or
/// `rope_parameters.rope_theta` (transformers 5), `max_position_embeddings`, `vocab_size`,
/// `tie_word_embeddings`, `attention_bias`, `hidden_act`; gpt2: `n_embd`, `n_layer`, `n_head`,
/// `n_positions`, `n_inner`, `layer_norm_epsilon`, `activation_function`, `vocab_size`.
/// Options this engine does not implement (rope scaling, sliding windows, MLP biases, …) are
/// refused by key rather than ignored.
public struct HuggingFaceConfig: Sendable {
    /// The file name inside a model folder.
    public static let fileName = "config.json"

    /// `model_type`.
    public let modelType: String
    /// The hyperparameters.
    public let model: ModelConfig
    /// Whether the classifier is the token embedding (no `lm_head.weight`).
    public let tiesEmbeddings: Bool
    /// Whether q/k/v projections have biases (Qwen2 always; Llama with `attention_bias`).
    public let hasQKVBias: Bool
    /// Whether the attention output projection has a bias (Llama with `attention_bias`).
    public let hasOutputProjectionBias: Bool

    /// Reads the `config.json` at `path`.
    public init(path: String) throws {
        let json = try JSONObjectFile(path: path)
        let modelType = try json.string("model_type")
        switch modelType {
        case "llama", "qwen2":
            try self.init(llamaFamily: json, modelType: modelType)
        case "gpt2":
            try self.init(gpt2: json)
        default:
            throw json.error("model_type", "is '\(modelType)'; llama, qwen2 and gpt2 are implemented")
        }
    }

    private init(llamaFamily json: JSONObjectFile, modelType: String) throws {
        let dimension = try json.integer("hidden_size")
        let headCount = try json.integer("num_attention_heads")
        if let activation = try json.optionalString("hidden_act"), activation != "silu" {
            throw json.error("hidden_act", "is '\(activation)'; only silu is implemented")
        }
        if try json.optionalBool("mlp_bias") == true { throw json.error("mlp_bias", "is true; MLP biases are not implemented") }
        if try json.optionalBool("use_sliding_window") == true {
            throw json.error("use_sliding_window", "is true; sliding-window attention is not implemented")
        }
        let attentionBias = try json.optionalBool("attention_bias") ?? false
        self.modelType = modelType
        tiesEmbeddings = try json.optionalBool("tie_word_embeddings") ?? false
        hasQKVBias = modelType == "qwen2" || attentionBias
        hasOutputProjectionBias = modelType == "llama" && attentionBias
        model = try ModelConfig(
            architecture: modelType,
            dimension: dimension,
            hiddenDimension: try json.integer("intermediate_size"),
            layerCount: try json.integer("num_hidden_layers"),
            headCount: headCount,
            kvHeadCount: try json.optionalInteger("num_key_value_heads") ?? headCount,
            headDimension: try json.optionalInteger("head_dim") ?? dimension / headCount,
            vocabularySize: try json.integer("vocab_size"),
            contextLength: try json.integer("max_position_embeddings"),
            ropeTheta: Float(try Self.ropeTheta(json)),
            // HF checkpoints keep Q/K rows unpermuted, so they rotate halves (rotate_half).
            ropeStyle: .halves,
            rmsEpsilon: Float(try json.double("rms_norm_eps")))
    }

    private init(gpt2 json: JSONObjectFile) throws {
        let dimension = try json.integer("n_embd")
        let feedForward: ModelConfig.FeedForward
        switch try json.optionalString("activation_function") ?? "gelu_new" {
        case "gelu_new", "gelu_pytorch_tanh": feedForward = .geluTanh
        case "gelu": feedForward = .geluExact
        case let other: throw json.error("activation_function", "is '\(other)'; gelu_new, gelu_pytorch_tanh and gelu are implemented")
        }
        if try json.optionalBool("scale_attn_weights") == false {
            throw json.error("scale_attn_weights", "is false; only attention scaled by 1/√headDim is implemented")
        }
        if try json.optionalBool("scale_attn_by_inverse_layer_idx") == true {
            throw json.error("scale_attn_by_inverse_layer_idx", "is true; it is not implemented")
        }
        if try json.optionalBool("tie_word_embeddings") == false {
            throw json.error("tie_word_embeddings", "is false; GPT-2's classifier is its token embedding")
        }
        let headCount = try json.integer("n_head")
        modelType = "gpt2"
        tiesEmbeddings = true
        hasQKVBias = true
        hasOutputProjectionBias = true
        model = try ModelConfig(
            architecture: "gpt2",
            dimension: dimension,
            hiddenDimension: try json.optionalInteger("n_inner") ?? 4 * dimension,
            layerCount: try json.integer("n_layer"),
            headCount: headCount,
            kvHeadCount: headCount,
            headDimension: dimension / headCount,
            vocabularySize: try json.integer("vocab_size"),
            contextLength: try json.integer("n_positions"),
            ropeTheta: 0,
            ropeStyle: .halves,
            rmsEpsilon: Float(try json.optionalDouble("layer_norm_epsilon") ?? 1e-5),
            normalization: .layerNorm,
            feedForward: feedForward,
            usesRotaryPositions: false)
    }

    /// `rope_theta`, or transformers 5's `rope_parameters.rope_theta`; 10000 when neither is
    /// given. Any rope type but `default` (linear, dynamic, yarn, llama3 scaling) is refused.
    private static func ropeTheta(_ json: JSONObjectFile) throws -> Double {
        for key in ["rope_parameters", "rope_scaling"] {
            guard let parameters = try json.optionalObject(key) else { continue }
            let type = try parameters.optionalString("rope_type") ?? parameters.optionalString("type") ?? "default"
            guard type == "default" else { throw parameters.error("rope_type", "is '\(type)'; only default rope is implemented") }
            if let theta = try parameters.optionalDouble("rope_theta") { return theta }
        }
        return try json.optionalDouble("rope_theta") ?? 10_000
    }
}
