import Inference

/// Several LoRA adapters over one base, chosen per request by label (`--adapter label=PATH`):
/// each adapter's pairs indexed by layer and projection, Q/K rows reordered for llama GGUF bases,
/// GPT-2's fused c_attn split into query, key and value.
public struct AdapterSet: Sendable {
    /// How the base stores Q and K rows.
    public enum QueryKeyLayout: Sendable, Equatable {
        /// As in Hugging Face checkpoints (the adapters' layout).
        case huggingFace
        /// As llama.cpp's converter writes llama GGUFs: each head's rows permuted so that
        /// rotated pairs are adjacent (row h·d + 2i + t holds HF row h·d + t·d/2 + i).
        case ggufLlama(heads: Int, kvHeads: Int)
    }

    /// The selection for each label.
    public let selections: [String: AdapterSelection]

    /// Indexes `adapters` (label, adapter) for a base with `layout`; module paths must name a
    /// layer and a known projection (`model.layers.N.self_attn.q_proj`, `… .mlp.down_proj`,
    /// GPT-2's `transformer.h.N.attn.c_attn`, `… .mlp.c_proj`).
    public init(adapters: [(label: String, adapter: LoRAAdapter)], layout: QueryKeyLayout = .huggingFace) throws {
        var selections: [String: AdapterSelection] = [:]
        for (label, adapter) in adapters {
            guard selections[label] == nil else {
                throw AdapterError.invalidOption(name: "--adapter", reason: "label '\(label)' is given twice")
            }
            selections[label] = try AdapterSelection(adapter: adapter, layout: layout)
        }
        self.selections = selections
    }

    /// The adapter to apply for `label`, or `nil` for the base alone (label `base` or absent).
    public func selection(_ label: String?) -> AdapterSelection? {
        label.flatMap { selections[$0] }
    }
}

/// One adapter's pairs by (layer, projection): what the forward pass applies for a request.
public struct AdapterSelection: ProjectionAdapter {
    private let token = AdapterIdentity()
    public var identity: ObjectIdentifier { ObjectIdentifier(token) }
    private let pairs: [Int: [Projection: LoRAPair]]
    /// The same pairs as the forward pass reads them, by layer and `Projection.allCases` index:
    /// no hashing on the hot path.
    private let prepared: [[PreparedPair?]]

    /// The projections a module's update goes to, by the last two segments of its path (the
    /// parent decides: GPT-2's `attn.c_proj` and `mlp.c_proj` are different projections).
    /// GPT-2's fused `attn.c_attn` feeds three: our loader splits its weight into query, key
    /// and value rows, so its pair becomes three sharing A, each with a third of B's rows.
    static let projectionsByModule: [String: [Projection]] = [
        "self_attn.q_proj": [.query], "self_attn.k_proj": [.key], "self_attn.v_proj": [.value],
        "self_attn.o_proj": [.attentionOutput],
        "mlp.gate_proj": [.gate], "mlp.up_proj": [.up], "mlp.down_proj": [.down],
        "attn.c_attn": [.query, .key, .value], "attn.c_proj": [.attentionOutput],
        "mlp.c_fc": [.up], "mlp.c_proj": [.down],
    ]

    init(adapter: LoRAAdapter, layout: AdapterSet.QueryKeyLayout) throws {
        let directory = adapter.config.directory
        var pairs: [Int: [Projection: LoRAPair]] = [:]
        for (module, pair) in adapter.pairs {
            guard let layer = adapter.config.layerIndex(of: module),
                  let projections = Self.projectionsByModule[module.split(separator: ".").suffix(2).joined(separator: ".")]
            else {
                throw AdapterError.baseMismatch(
                    directory: directory, module: module,
                    reason: "is not a layer projection the forward pass can update (self_attn.q/k/v/o_proj, "
                        + "mlp.gate/up/down_proj, or GPT-2's attn.c_attn, attn.c_proj, mlp.c_fc, mlp.c_proj of a numbered layer)")
            }
            let parts = try Self.splittingOutputRows(pair, into: projections.count, module: module, directory: directory)
            for (projection, part) in zip(projections, parts) {
                var placed = part
                if case let .ggufLlama(heads, kvHeads) = layout, projection == .query || projection == .key {
                    placed = try Self.permutingOutputRows(part, heads: projection == .query ? heads : kvHeads, module: module,
                                                          directory: directory)
                }
                pairs[layer, default: [:]][projection] = placed
            }
        }
        self.pairs = pairs
        let projections = Projection.allCases
        prepared = (0..<((pairs.keys.max() ?? -1) + 1)).map { layer in
            projections.map { projection in pairs[layer]?[projection].map(PreparedPair.init) }
        }
    }

    /// The pair applied at `layer`'s `projection`, if adapted.
    public func pair(layer: Int, projection: Projection) -> LoRAPair? {
        pairs[layer]?[projection]
    }

    public func addUpdate(
        layer: Int, projection: Projection, input: UnsafeBufferPointer<Float>,
        output: UnsafeMutableBufferPointer<Float>, tokens: Int
    ) {
        guard layer < prepared.count, let pair = prepared[layer][projection.index] else { return }
        pair.addApplied(input: input, output: output, tokens: tokens)
    }

    /// `pair` as `parts` pairs sharing A, each with an equal consecutive block of B's rows
    /// (GPT-2's c_attn: query, key, value rows); `pair` itself when `parts` is 1.
    static func splittingOutputRows(_ pair: LoRAPair, into parts: Int, module: String, directory: String) throws -> [LoRAPair] {
        guard parts > 1 else { return [pair] }
        let out = pair.outFeatures
        guard out % parts == 0 else {
            throw AdapterError.baseMismatch(directory: directory, module: module,
                                            reason: "lora_B's \(out) rows do not split into \(parts) equal projections")
        }
        let width = out / parts
        return (0..<parts).map { part in
            LoRAPair(a: pair.a, b: pair.b.rows(part * width..<(part + 1) * width), scale: pair.scale)
        }
    }

    /// B's rows reordered into llama.cpp's Q/K layout (A reads the hidden state, which is not permuted).
    static func permutingOutputRows(_ pair: LoRAPair, heads: Int, module: String, directory: String) throws -> LoRAPair {
        let out = pair.outFeatures
        guard heads > 0, out % heads == 0, (out / heads) % 2 == 0 else {
            throw AdapterError.baseMismatch(directory: directory, module: module,
                                            reason: "\(out) rows do not split into \(heads) heads of even size")
        }
        let headDimension = out / heads, half = headDimension / 2
        var b = pair.b
        for head in 0..<heads {
            for i in 0..<half {
                for t in 0..<2 {
                    let ggufRow = head * headDimension + 2 * i + t
                    let hfRow = head * headDimension + t * half + i
                    for column in 0..<pair.rank { b.values[ggufRow * pair.rank + column] = pair.b.values[hfRow * pair.rank + column] }
                }
            }
        }
        return LoRAPair(a: pair.a, b: b, scale: pair.scale)
    }
}

extension AdapterSet {
    /// A command line's `NAME=DIR` adapter argument as (name, directory); nil when it has no
    /// `=` or an empty name.
    public static func labelledPath(_ argument: String) -> (label: String, path: String)? {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// The checkpoints a command line's `--adapter` arguments name, in their order: each
    /// `LABEL=DIR` loaded over `base` (one copy of the base weights serves them all) and, where
    /// `allowsBase`, the word `base` for the model alone. `source` names the base in errors.
    public static func checkpoints(_ arguments: [String], base: ModelConfig, source: String, allowsBase: Bool)
        throws -> [(label: String, adapter: AdapterSelection?)]
    {
        var specs: [(label: String, path: String)] = [], order: [String] = []
        for argument in arguments {
            if argument == "base" && allowsBase {
                order.append("base")
                continue
            }
            guard let spec = labelledPath(argument) else {
                throw AdapterError.invalidOption(name: "--adapter", reason: "'\(argument)': give LABEL=DIR (a PEFT adapter directory)"
                    + (allowsBase ? " or `base`" : ""))
            }
            guard spec.label != "base" || !allowsBase else {
                throw AdapterError.invalidOption(name: "--adapter", reason: "the label `base` is the model alone; name the adapter otherwise")
            }
            specs.append(spec)
            order.append(spec.label)
        }
        let set = try AdapterSet(loading: specs, base: base, source: source)
        return order.map { ($0, set.selection($0 == "base" ? nil : $0)) }
    }
}
