import Foundation

/// Model files the inference tests read: committed fixtures and the cached demo model.
public enum ModelFiles {
    /// A file under `Tests/InferenceTests/Fixtures/`.
    public static func fixture(_ name: String) -> String {
        RepositoryPaths.path("Tests/InferenceTests/Fixtures/\(name)")
    }

    /// The SmolLM2-135M-Instruct Q4_1 GGUF cached by `scripts/fetch-model.sh`, if present.
    public static var smolLM2: String? {
        let path = RepositoryPaths.path(".cache/models/SmolLM2-135M-Instruct.Q4_1.gguf")
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Why a test that needs the demo model did not run.
    public static let smolLM2MissingReason =
        "SmolLM2-135M-Instruct.Q4_1.gguf is not cached: run scripts/fetch-model.sh to enable this test"

    /// Decodes a JSON fixture.
    public static func json<T: Decodable>(_ type: T.Type, fixture name: String) throws -> T {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture(name)))
        return try JSONDecoder().decode(T.self, from: data)
    }
}
