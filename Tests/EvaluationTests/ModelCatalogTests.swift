import Foundation
import Evaluation
import Testing
import TestSupport

@Suite("Model catalog and cache")
struct ModelCatalogTests {
    @Test("a cached file counts only when it has the catalog's size, so a partial fetch is never used")
    func cachedPathChecksTheSize() throws {
        let directory = NSTemporaryDirectory() + "proctor-models-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = try #require(ModelCatalog.model(named: "SmolLM2"))
        let path = directory + "/" + model.fileName
        #expect(ModelCatalog.cachedPath(of: model, in: directory) == nil)
        try Data(count: 1024).write(to: URL(fileURLWithPath: path))
        #expect(ModelCatalog.cachedPath(of: model, in: directory) == nil)
        #expect(ModelCatalog.resolve("smollm2", directory: directory) == nil)
        #expect(ModelCatalog.resolve(path, directory: directory) == path, "an existing path is used as given")
    }

    @Test("the cache folder follows PROCTOR_MODELS_DIR, then XDG_CACHE_HOME")
    func defaultDirectory() {
        #expect(ModelCatalog.defaultDirectory(environment: ["PROCTOR_MODELS_DIR": "/m"]) == "/m")
        #expect(ModelCatalog.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x"]) == "/x/proctor/models")
    }

    @Test("proctor models path finds the demo model through PROCTOR_MODELS_DIR and exits 1 when it is absent",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func pathCommand() throws {
        let model = try #require(ModelFiles.smolLM2)
        let folder = (model as NSString).deletingLastPathComponent
        let found = try ProctorBinary.run(["models", "path", "smollm2", "--dir", folder])
        #expect(found.status == 0)
        #expect(found.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == model)
        let missing = try ProctorBinary.run(["models", "path", "smollm2", "--dir", NSTemporaryDirectory() + "none-\(UUID())"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("proctor models fetch smollm2"))
    }
}
