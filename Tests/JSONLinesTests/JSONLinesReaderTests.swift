import Foundation
import JSONLines
import Testing

@Suite("JSON Lines reader on libjson-c")
struct JSONLinesReaderTests {
    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func file(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "proctor-jsonl-\(UUID().uuidString).jsonl"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func file(_ text: String) throws -> String { try file(Array(text.utf8)) }

    /// Every record, or the first error.
    static func readAll(_ path: String, fields: [String] = ["gold", "prediction"]) throws -> [JSONLinesRecord] {
        let reader = try JSONLinesReader(path: path, fields: fields)
        var records: [JSONLinesRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    @Test("blank lines are skipped but counted, CRLF and a BOM are accepted, the last line may lack a newline")
    func toleratesRealFiles() throws {
        let path = try Self.file([0xEF, 0xBB, 0xBF] + Array("{\"gold\":\"a\",\"prediction\":\"b\"}\r\n\r\n   \n{\"gold\":[\"x\",\"y\"],\"prediction\":\"c\"}".utf8))
        let records = try Self.readAll(path)
        #expect(records.map(\.lineNumber) == [1, 4])
        #expect(records[0].fields["gold"] == .string("a"))
        #expect(records[1].fields["gold"] == .strings(["x", "y"]))
    }

    @Test("a malformed line is an error naming file and line, and reading can go on after it")
    func malformedLine() throws {
        let path = try Self.file("{\"gold\":\"a\",\"prediction\":\"b\"}\n{\"gold\": oops}\n{\"gold\":\"c\",\"prediction\":\"d\"}\n")
        let reader = try JSONLinesReader(path: path, fields: ["gold"])
        #expect(try reader.next()?.lineNumber == 1)
        do {
            _ = try reader.next()
            Issue.record("expected an error for line 2")
        } catch {
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("\(path):2: not valid JSON"))
        }
        #expect(try reader.next()?.fields["gold"] == .string("c"))
        #expect(try reader.next() == nil)
    }

    @Test("invalid UTF-8, trailing text, and non-object lines are reported as such", arguments: [
        ([UInt8]("{\"gold\":\"".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8), "not valid UTF-8"),
        (Array("{\"gold\":\"a\"} extra\n".utf8), "not valid JSON"),
        (Array("[1,2]\n".utf8), "expected a JSON object, found an array"),
        (Array("{\"gold\":\"a\"\n".utf8), "not valid JSON"),
    ])
    func reportsBadLines(bytes: [UInt8], message: String) throws {
        let path = try Self.file(bytes)
        #expect(throws: JSONLinesError.self) { try Self.readAll(path) }
        do { _ = try Self.readAll(path) } catch let error as JSONLinesError {
            #expect(error.description.contains(message), "\(error)")
            #expect(error.line == 1)
        }
    }

    @Test("non-string fields are named with their line, missing fields too")
    func fieldTypes() throws {
        let path = try Self.file("{\"gold\":3,\"prediction\":null}\n{\"gold\":[\"a\",1]}\n")
        let records = try Self.readAll(path)
        #expect(throws: JSONLinesError.fieldNotString(file: path, line: 1, field: "gold",
                                                      expected: "a string or a list of strings", type: "a number")) {
            try records[0].strings("gold", file: path)
        }
        #expect(throws: JSONLinesError.missingField(file: path, line: 1, field: "prediction")) {
            try records[0].string("prediction", file: path)
        }
        #expect(throws: JSONLinesError.fieldNotString(file: path, line: 2, field: "gold",
                                                      expected: "a string or a list of strings",
                                                      type: "an array with non-string elements")) {
            try records[1].strings("gold", file: path)
        }
    }

    @Test("numbers keep their JSON text, and stringOrNumber accepts them where a label or answer may be one")
    func numbers() throws {
        let path = try Self.file("{\"gold\":72,\"prediction\":\"x\"}\n{\"gold\":3.50,\"prediction\":\"y\"}\n{\"gold\":[\"a\"]}\n")
        let records = try Self.readAll(path)
        #expect(records[0].fields["gold"] == .number("72"))
        #expect(try records[1].stringOrNumber("gold", file: path) == "3.50")
        #expect(try records[0].stringOrNumber("prediction", file: path) == "x")
        #expect(throws: JSONLinesError.fieldNotString(file: path, line: 3, field: "gold",
                                                      expected: "a string or a number", type: "an array")) {
            try records[2].stringOrNumber("gold", file: path)
        }
    }

    @Test("a line longer than the read chunk and escaped Unicode come through intact")
    func longLinesAndUnicode() throws {
        let long = String(repeating: "long answer ", count: 300_000)   // 3.6 MB on one line
        let path = try Self.file("{\"gold\":\"\(long)\",\"prediction\":\"\\u0130 \\ud83d\\ude00 caf\u{e9}\"}\n")
        let records = try Self.readAll(path)
        #expect(records[0].fields["gold"] == .string(long))
        #expect(records[0].fields["prediction"] == .string("\u{130} 😀 café"))
    }

    @Test("a reader asked to keep lines gives each record its line without the BOM or CRLF; otherwise none")
    func keepsLineBytes() throws {
        let path = try Self.file([0xEF, 0xBB, 0xBF] + Array("{\"gold\":{\"nested\":[1]}}\r\n\n{\"gold\":\"b\"}".utf8))
        let reader = try JSONLinesReader(path: path, fields: ["gold"], keepsLineBytes: true)
        let first = try #require(try reader.next())
        #expect(first.lineBytes == Array("{\"gold\":{\"nested\":[1]}}".utf8))
        #expect(first.fields["gold"] == .other(type: "an object"))
        #expect(try reader.next()?.lineBytes == Array("{\"gold\":\"b\"}".utf8))
        #expect(try Self.readAll(path).allSatisfy { $0.lineBytes == nil })
    }

    @Test("an error's reason is its message without the file and line")
    func reasonLeavesOutTheLocation() {
        let error = JSONLinesError.missingField(file: "a.jsonl", line: 3, field: "gold")
        #expect(error.reason == "field \"gold\" is missing or null")
        #expect(error.description == "a.jsonl:3: " + error.reason)
    }

    @Test("a missing file is reported with its path")
    func missingFile() {
        #expect(throws: JSONLinesError.cannotOpen(file: "/nonexistent/x.jsonl", errno: ENOENT)) {
            try JSONLinesReader(path: "/nonexistent/x.jsonl", fields: [])
        }
    }
}
