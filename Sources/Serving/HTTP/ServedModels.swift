import Inference

/// The model names a server answers to, each mapped to the engine that serves it and the LoRA
/// adapter it selects (vLLM's convention: an adapter is one more model name over the same base).
public struct ServedModels: Sendable {
    /// What a model name selects.
    public struct Route: Sendable {
        public let engine: NativeEngine
        /// Applied unmerged over the engine's base; nil for the base alone.
        public let adapter: ProjectionAdapter?
    }

    /// Names in the order `GET /v1/models` lists them.
    public let names: [String]
    private let routes: [String: Route]

    /// Serves `engine`'s base under each of `names`, and each of `adapters` (name, adapter)
    /// over the same base.
    public init(names: [String], engine: NativeEngine, adapters: [(name: String, adapter: ProjectionAdapter)] = []) {
        self.names = names + adapters.map(\.name)
        var routes = Dictionary(names.map { ($0, Route(engine: engine, adapter: nil)) }, uniquingKeysWith: { first, _ in first })
        for (name, adapter) in adapters where routes[name] == nil { routes[name] = Route(engine: engine, adapter: adapter) }
        self.routes = routes
    }

    /// What serves `name`, if anything.
    public func route(for name: String) -> Route? { routes[name] }
}
