/// The model names a server answers to, each mapped to the engine that serves it: every
/// checkpoint label of the base model today; a LoRA adapter would be one more name with an
/// engine configured for it.
public struct ServedModels: Sendable {
    /// Names in the order `GET /v1/models` lists them.
    public let names: [String]
    private let engines: [String: NativeEngine]

    /// Serves `engine` under each of `names`.
    public init(names: [String], engine: NativeEngine) {
        self.names = names
        engines = Dictionary(names.map { ($0, engine) }, uniquingKeysWith: { first, _ in first })
    }

    /// The engine serving `name`, if any.
    public func engine(for name: String) -> NativeEngine? { engines[name] }
}
