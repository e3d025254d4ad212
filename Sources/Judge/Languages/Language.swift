/// A programming language the judge runs, with the names it goes by (sample fields, code-fence
/// info strings, `--language`) and the Debian package that provides its toolchain.
public struct Language: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The id results and options use: `python`, `c`, `cpp17`, `cpp20`, `java`, `go`, `rust`, `javascript`.
    public let id: String
    /// The name people read, with its compiler or runtime.
    public let displayName: String
    /// Other names it is given in fences and options (lowercase).
    public let aliases: [String]
    /// The file the candidate's source is written to.
    public let sourceFile: String
    /// The extension of its source files (a problem's `solution.EXT`; C++17 and C++20 share `cpp`,
    /// and a problem's solution.cpp is validated as C++17).
    public var fileExtension: String {
        String(sourceFile.split(separator: ".").last ?? "")
    }
    /// The Debian package that installs the toolchain (what `proctor doctor` and errors name).
    public let debianPackage: String
    /// How its toolchain is driven.
    let family: Family

    enum Family: Sendable, Hashable {
        case python
        /// gcc or g++ with a `-std=` value.
        case gcc(compiler: String, standard: String)
        case java
        case go
        case rust
        case javascript
    }

    public var description: String { id }

    /// Encoded as its id.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }

    public init(from decoder: Decoder) throws {
        let id = try decoder.singleValueContainer().decode(String.self)
        guard let language = Language.named(id) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown language '\(id)'"))
        }
        self = language
    }

    private init(id: String, displayName: String, aliases: [String], sourceFile: String, debianPackage: String,
                 family: Family) {
        self.id = id
        self.displayName = displayName
        self.aliases = aliases
        self.sourceFile = sourceFile
        self.debianPackage = debianPackage
        self.family = family
    }

    /// The info string of its code fences in prompts (```cpp).
    public var fenceName: String {
        switch family {
        case .python: return "python"
        case .gcc(let compiler, _): return compiler == "gcc" ? "c" : "cpp"
        case .java: return "java"
        case .go: return "go"
        case .rust: return "rust"
        case .javascript: return "javascript"
        }
    }

    /// How prompts name it ("a complete C++17 program").
    public var promptName: String {
        switch id {
        case "python": return "Python 3"
        case "c": return "C"
        case "cpp17": return "C++17"
        case "cpp20": return "C++20"
        case "javascript": return "JavaScript (Node.js)"
        default: return displayName.split(separator: " ").first.map(String.init) ?? id
        }
    }

    /// Whether a compile step (or, for JavaScript, a syntax check) runs before the tests.
    public var compiles: Bool { family != .python }

    public static let python = Language(
        id: "python", displayName: "Python 3 (CPython)", aliases: ["py", "python3"], sourceFile: "main.py",
        debianPackage: "python3", family: .python)
    public static let c = Language(
        id: "c", displayName: "C (gcc, gnu11)", aliases: ["gcc", "c11"], sourceFile: "main.c", debianPackage: "gcc",
        family: .gcc(compiler: "gcc", standard: "gnu11"))
    public static let cpp17 = Language(
        id: "cpp17", displayName: "C++17 (g++)", aliases: ["cpp", "c++", "cxx", "cc", "c++17", "g++"],
        sourceFile: "main.cpp", debianPackage: "g++", family: .gcc(compiler: "g++", standard: "gnu++17"))
    public static let cpp20 = Language(
        id: "cpp20", displayName: "C++20 (g++)", aliases: ["c++20"], sourceFile: "main.cpp", debianPackage: "g++",
        family: .gcc(compiler: "g++", standard: "gnu++20"))
    public static let java = Language(
        id: "java", displayName: "Java (OpenJDK)", aliases: [], sourceFile: "Main.java",
        debianPackage: "default-jdk-headless", family: .java)
    public static let go = Language(
        id: "go", displayName: "Go", aliases: ["golang"], sourceFile: "main.go", debianPackage: "golang-go",
        family: .go)
    public static let rust = Language(
        id: "rust", displayName: "Rust (rustc, edition 2021)", aliases: ["rs"], sourceFile: "main.rs",
        debianPackage: "rustc", family: .rust)
    public static let javascript = Language(
        id: "javascript", displayName: "JavaScript (Node.js)", aliases: ["js", "node", "nodejs"], sourceFile: "main.js",
        debianPackage: "nodejs", family: .javascript)

    /// Every language, Python first.
    public static let all: [Language] = [.python, .c, .cpp17, .cpp20, .java, .go, .rust, .javascript]

    /// The language called `name` (its id or an alias, any case), or nil.
    public static func named(_ name: String) -> Language? {
        let key = name.lowercased()
        return all.first { $0.id == key || $0.aliases.contains(key) }
    }

    /// Whether a code fence's info string (```cpp) names this language.
    public func isNamed(byFence info: String) -> Bool {
        Language.named(info) == self
    }
}
