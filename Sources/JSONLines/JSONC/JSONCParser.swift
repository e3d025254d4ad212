import CJSONC

/// Parses one line with libjson-c in strict mode with UTF-8 validation and extracts fields.
///
/// The only file that touches json-c's pointers.
final class JSONCParser {
    private let tokener: UnsafeMutablePointer<json_tokener>

    init() {
        tokener = json_tokener_new_ex(64)!
        json_tokener_set_flags(tokener, Int32(JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8))
    }

    deinit { json_tokener_free(tokener) }

    /// The requested fields of the object on this line.
    func record(_ bytes: UnsafeBufferPointer<UInt8>, fields: [String], file: String, line: Int)
        throws(JSONLinesError) -> JSONLinesRecord {
        json_tokener_reset(tokener)
        let parsed: OpaquePointer? = bytes.withMemoryRebound(to: CChar.self) { characters in
            json_tokener_parse_ex(tokener, characters.baseAddress, Int32(characters.count))
        }
        let error = json_tokener_get_error(tokener)
        guard let object = parsed, error == json_tokener_success else {
            if let parsed { json_object_put(parsed) }
            if error == json_tokener_error_parse_utf8_string || !isValidUTF8(bytes) {
                throw .invalidUTF8(file: file, line: line)
            }
            let reason = error == json_tokener_continue ? "the value is incomplete"
                : String(cString: json_tokener_error_desc(error))
            throw .malformedJSON(file: file, line: line, reason: reason)
        }
        defer { json_object_put(object) }
        let end = json_tokener_get_parse_end(tokener)
        if bytes[end...].contains(where: { !isJSONWhitespace($0) }) {
            throw .malformedJSON(file: file, line: line, reason: "unexpected text after the value at byte \(end + 1)")
        }
        guard json_object_get_type(object) == json_type_object else {
            throw .notAnObject(file: file, line: line, type: typeName(object))
        }
        var values: [String: JSONFieldValue] = [:]
        for field in fields {
            var member: OpaquePointer?
            let found = json_object_object_get_ex(object, field, &member) != 0
            values[field] = found ? fieldValue(member) : .missing
        }
        return JSONLinesRecord(lineNumber: line, fields: values)
    }

    private func fieldValue(_ value: OpaquePointer?) -> JSONFieldValue {
        guard let value, json_object_get_type(value) != json_type_null else { return .missing }
        switch json_object_get_type(value) {
        case json_type_string:
            return .string(string(value))
        case json_type_int, json_type_double:
            // json-c serializes a number to its text (a parsed double keeps the original text).
            return .number(json_object_get_string(value).map { String(cString: $0) } ?? "")
        case json_type_boolean:
            return .bool(json_object_get_boolean(value) != 0)
        case json_type_array:
            var strings: [String] = []
            for index in 0..<json_object_array_length(value) {
                guard let element = json_object_array_get_idx(value, index),
                      json_object_get_type(element) == json_type_string else {
                    return .other(type: "an array with non-string elements")
                }
                strings.append(string(element))
            }
            return .strings(strings)
        default:
            return .other(type: typeName(value))
        }
    }

    private func string(_ value: OpaquePointer) -> String {
        let length = Int(json_object_get_string_len(value))
        guard let start = json_object_get_string(value) else { return "" }
        return start.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
    }

    private func typeName(_ value: OpaquePointer) -> String {
        switch json_object_get_type(value) {
        case json_type_null: return "null"
        case json_type_boolean: return "a boolean"
        case json_type_double, json_type_int: return "a number"
        case json_type_object: return "an object"
        case json_type_array: return "an array"
        case json_type_string: return "a string"
        default: return "an unknown type"
        }
    }

    private func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
