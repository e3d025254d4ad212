import Foundation

/// Reference fixtures committed under `Tests/<Target>/Fixtures`, produced by the scripts in
/// `scripts/fixtures/`.
public enum Fixtures {
    /// The contents of a fixture file as UTF-8 text.
    public static func text(_ target: String, _ name: String) throws -> String {
        let path = RepositoryPaths.path("Tests/\(target)/Fixtures/\(name)")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Every non-empty line of a JSONL fixture decoded as `Record`.
    public static func jsonLines<Record: Decodable>(_ target: String, _ name: String,
                                                    as type: Record.Type = Record.self) throws -> [Record] {
        let decoder = JSONDecoder()
        return try text(target, name).split(separator: "\n").map { line in
            try decoder.decode(Record.self, from: Data(line.utf8))
        }
    }

    /// A JSON fixture decoded as `Record`.
    public static func json<Record: Decodable>(_ target: String, _ name: String,
                                               as type: Record.Type = Record.self) throws -> Record {
        try JSONDecoder().decode(Record.self, from: Data(text(target, name).utf8))
    }

    /// A `Double` from the 16 hex digits of its IEEE-754 bit pattern, as the generators write them.
    public static func double(bits hex: String) -> Double {
        Double(bitPattern: UInt64(hex, radix: 16)!)
    }
}
