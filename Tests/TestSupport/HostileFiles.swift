import Foundation

/// Files the hostile corpora's programs must neither read nor create: the judge's "expected
/// output" (a secret outside the run's directory) and a path outside it to write to.
public enum HostileFiles {
    /// What the secret file holds; no program may print it.
    public static let secretText = "SECRET-EXPECTED-OUTPUT-7f3a"

    public static let directory: String = {
        let path = NSTemporaryDirectory() + "proctor-test-secret-\(getpid())"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try! secretText.write(toFile: path + "/expected.out", atomically: true, encoding: .utf8)
        return path
    }()
    public static var secretFile: String { directory + "/expected.out" }
    public static var outsideFile: String { directory + "/escaped.txt" }

    /// A hostile program's header: its `PREFIX key: value` comment lines (`# expect: violation`,
    /// `// expect: SV|RE`), in order.
    public static func headerFields(of source: String, commentPrefix: String) -> [(key: String, value: String)] {
        source.split(separator: "\n").compactMap { line in
            guard line.hasPrefix(commentPrefix) else { return nil }
            let parts = line.dropFirst(commentPrefix.count).split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return (String(parts[0]), parts[1].trimmingCharacters(in: .whitespaces))
        }
    }
}
