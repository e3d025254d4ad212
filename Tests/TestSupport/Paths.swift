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
