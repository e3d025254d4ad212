import Foundation

/// One JSON object of a configuration file, read field by field with errors that name the file
/// and the field's full path (`checkpoints[1].top_p`), and unknown keys refused (a misspelt
/// `temprature` must not silently fall back to a default).
struct ConfigObject {
    let values: [String: ConfigValue]
    /// Where this object sits, e.g. `checkpoints[1]`; empty at the top.
    let path: String
    let file: String?

    init(_ value: ConfigValue, path: String, file: String?) throws {
        guard case .object(let values) = value else {
            throw EvaluationError("expected a JSON object", file: file, field: path.isEmpty ? nil : path)
        }
        self.values = values
        self.path = path
        self.file = file
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func fail(_ key: String, _ message: String) -> EvaluationError {
        EvaluationError(message, file: file, field: fieldPath(key))
    }

    /// Refuses keys outside `known`.
    func rejectUnknownKeys(_ known: [String]) throws {
        for key in values.keys.sorted() where !known.contains(key) {
            throw fail(key, "unknown field; expected one of: " + known.joined(separator: ", "))
        }
    }

    /// The value of `key`, nil when absent or null.
    func value(_ key: String) -> ConfigValue? {
        if case .null = values[key] ?? .null { return nil }
        return values[key]
    }

    func string(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw fail(key, "expected a string") }
        return text
    }

    func requiredString(_ key: String) throws -> String {
        guard let value = try string(key) else { throw fail(key, "missing (a string is required)") }
        return value
    }

    func number(_ key: String) throws -> Double? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value else { throw fail(key, "expected a number") }
        return number
    }

    func integer(_ key: String) throws -> Int? {
        guard let value = try number(key) else { return nil }
        guard value == value.rounded(), abs(value) < 9.0e15 else { throw fail(key, "expected a whole number") }
        return Int(value)
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw fail(key, "expected true or false") }
        return flag
    }

    /// A string or a list of strings, as a list.
    func strings(_ key: String) throws -> [String]? {
        guard let value = value(key) else { return nil }
        switch value {
        case .string(let single): return [single]
        case .array(let list):
            return try list.map { element in
                guard case .string(let text) = element else { throw fail(key, "expected a string or a list of strings") }
                return text
            }
        default: throw fail(key, "expected a string or a list of strings")
        }
    }

    func object(_ key: String) throws -> ConfigObject? {
        guard let value = value(key) else { return nil }
        return try ConfigObject(value, path: fieldPath(key), file: file)
    }

    func objects(_ key: String) throws -> [ConfigObject]? {
        guard let value = value(key) else { return nil }
        guard case .array(let list) = value else { throw fail(key, "expected a list of objects") }
        return try list.enumerated().map { index, element in
            try ConfigObject(element, path: "\(fieldPath(key))[\(index)]", file: file)
        }
    }
}
