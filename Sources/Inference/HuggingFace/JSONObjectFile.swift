import Foundation

/// A JSON object read from one file of a Hugging Face model folder, with typed accessors whose
/// errors name the file and the key (`config.json: 'num_hidden_layers' is missing`).
struct JSONObjectFile {
    /// The file's path, for messages.
    let path: String
    /// The object's entries.
    let fields: [String: Any]
    /// Where the object sits in the file, e.g. `rope_parameters.` for a nested one.
    let keyPrefix: String

    /// Reads and parses the object at `path`.
    init(path: String) throws {
        let file = try MappedFile(path: path)
        let data = withExtendedLifetime(file) { Data(file.bytes) }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw InferenceError.invalidModelFile(path: path, key: "", reason: "is not there: the file is not a JSON object")
        }
        self.init(path: path, fields: object)
    }

    /// An object at `keyPrefix` in the file at `path`.
    init(path: String, fields: [String: Any], keyPrefix: String = "") {
        self.path = path
        self.fields = fields
        self.keyPrefix = keyPrefix
    }

    /// An error about `key` of this object.
    func error(_ key: String, _ reason: String) -> InferenceError {
        .invalidModelFile(path: path, key: keyPrefix + key, reason: reason)
    }

    /// Whether `key` is present with a non-null value.
    func has(_ key: String) -> Bool { fields[key] != nil && !(fields[key] is NSNull) }

    /// The integer at `key`; an error when missing or not an integer.
    func integer(_ key: String) throws -> Int {
        guard let value = try optionalInteger(key) else { throw error(key, "is missing") }
        return value
    }

    /// The integer at `key`, nil when absent or null.
    func optionalInteger(_ key: String) throws -> Int? {
        guard has(key) else { return nil }
        guard let number = fields[key] as? NSNumber, !(fields[key] is Bool),
              number.doubleValue == Double(number.intValue) else {
            throw error(key, "is not an integer")
        }
        return number.intValue
    }

    /// The number at `key`, nil when absent or null.
    func optionalDouble(_ key: String) throws -> Double? {
        guard has(key) else { return nil }
        guard let number = fields[key] as? NSNumber, !(fields[key] is Bool) else { throw error(key, "is not a number") }
        return number.doubleValue
    }

    /// The number at `key`; an error when missing.
    func double(_ key: String) throws -> Double {
        guard let value = try optionalDouble(key) else { throw error(key, "is missing") }
        return value
    }

    /// The boolean at `key`, nil when absent or null.
    func optionalBool(_ key: String) throws -> Bool? {
        guard has(key) else { return nil }
        guard let value = fields[key] as? Bool else { throw error(key, "is not true or false") }
        return value
    }

    /// The string at `key`, nil when absent or null.
    func optionalString(_ key: String) throws -> String? {
        guard has(key) else { return nil }
        guard let value = fields[key] as? String else { throw error(key, "is not a string") }
        return value
    }

    /// The string at `key`; an error when missing.
    func string(_ key: String) throws -> String {
        guard let value = try optionalString(key) else { throw error(key, "is missing") }
        return value
    }

    /// The object at `key`, nil when absent or null; reported as `key.inner`.
    func optionalObject(_ key: String) throws -> JSONObjectFile? {
        guard has(key) else { return nil }
        guard let value = fields[key] as? [String: Any] else { throw error(key, "is not an object") }
        return JSONObjectFile(path: path, fields: value, keyPrefix: keyPrefix + key + ".")
    }
}
