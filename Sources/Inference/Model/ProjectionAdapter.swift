/// A projection of a transformer layer that an adapter can update.
public enum Projection: String, Sendable, CaseIterable {
    case query, key, value, attentionOutput, gate, up, down

    /// The position in `allCases`, for tables indexed by projection.
    public var index: Int {
        switch self {
        case .query: 0
        case .key: 1
        case .value: 2
        case .attentionOutput: 3
        case .gate: 4
        case .up: 5
        case .down: 6
        }
    }
}

/// Low-rank updates added next to the base projections (LoRA applied unmerged), so base and
/// several adapters share one copy of the base weights. The forward pass calls it right after
/// each base product, before RoPE, activations and residual adds.
public protocol ProjectionAdapter: Sendable {
    /// The same for every copy of one adapter, different between adapters: the scheduler
    /// reuses a prompt's keys and values only under the adapter that computed them.
    var identity: ObjectIdentifier { get }

    /// Adds the update of `projection` in `layer` to `output` for `tokens` rows of `input`.
    /// input [tokens, in], output [tokens, out], row-major; does nothing where nothing is adapted.
    func addUpdate(
        layer: Int, projection: Projection, input: UnsafeBufferPointer<Float>,
        output: UnsafeMutableBufferPointer<Float>, tokens: Int)
}

/// A reference whose identity names one adapter (`ProjectionAdapter.identity`) for value types.
public final class AdapterIdentity: Sendable {
    public init() {}
}
