import Foundation

/// Model files the tests read: committed fixtures and the catalog models `scripts/test.sh`
/// fetches with `proctor models fetch`.
public enum ModelFiles {
    /// A file under `Tests/InferenceTests/Fixtures/`.
    public static func fixture(_ name: String) -> String {
        RepositoryPaths.path("Tests/InferenceTests/Fixtures/\(name)")
    }

    /// Where the fetched models are: `$PROCTOR_MODELS_DIR` (scripts/test.sh exports it), else the
    /// repository's git-ignored `.cache/models/`.
    public static var directory: String {
        let environment = ProcessInfo.processInfo.environment
        if let directory = environment["PROCTOR_MODELS_DIR"], !directory.isEmpty { return directory }
        return RepositoryPaths.path(".cache/models")
    }

    /// The cache file names of the catalog models the tests use (`ModelCatalog`'s `fileName`s).
    public static let smolLM2FileName = "SmolLM2-135M-Instruct.Q4_1.gguf"
    public static let qwen05FileName = "qwen2.5-coder-0.5b-instruct-q5_0.gguf"
    public static let qwen15FileName = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"

    /// SmolLM2-135M-Instruct, Q4_1 (catalog name `smollm2`), if fetched.
    public static var smolLM2: String? { fetched(smolLM2FileName) }
    /// Qwen2.5-Coder-0.5B-Instruct, mostly Q5_0 (`qwen2.5-coder-0.5b-instruct`), if fetched.
    public static var qwen05: String? { fetched(qwen05FileName) }
    /// Qwen2.5-Coder-1.5B-Instruct, Q4_K_M (`qwen2.5-coder-1.5b-instruct`), if fetched.
    public static var qwen15: String? { fetched(qwen15FileName) }

    /// Why a test that needs the demo model did not run.
    public static var smolLM2MissingReason: String { missingReason(smolLM2FileName, catalogName: "smollm2") }
    /// Why a test that needs the Qwen2.5-Coder 0.5B model did not run.
    public static var qwen05MissingReason: String { missingReason(qwen05FileName, catalogName: "qwen2.5-coder-0.5b-instruct") }
    /// Why a test that needs the Qwen2.5-Coder 1.5B model did not run.
    public static var qwen15MissingReason: String { missingReason(qwen15FileName, catalogName: "qwen2.5-coder-1.5b-instruct") }

    /// Decodes a JSON fixture.
    public static func json<T: Decodable>(_ type: T.Type, fixture name: String) throws -> T {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture(name)))
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// The fetched file called `fileName`, if present (a fetch moves a file into place only whole).
    private static func fetched(_ fileName: String) -> String? {
        let path = (directory as NSString).appendingPathComponent(fileName)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    private static func missingReason(_ fileName: String, catalogName: String) -> String {
        "\(fileName) is not in \(directory): run scripts/test.sh, or "
            + "`proctor models fetch \(catalogName) --dir \(directory)`, to enable this test"
    }
}
