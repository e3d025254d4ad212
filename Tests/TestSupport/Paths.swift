import Foundation

/// Locations in the repository that tests read from.
public enum RepositoryPaths {
    /// The repository root, found from this source file's location.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// A path below the repository root.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}

/// Files that tests write in the temporary directory.
public enum TemporaryFiles {
    /// Writes `text` to a fresh file whose name starts with `prefix` and ends with `suffix`, and returns its path.
    public static func write(_ text: String, prefix: String, suffix: String = "") throws -> String {
        let path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)\(suffix)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
