import OpenAIWire

/// A JSON value as a configuration file holds it, decoded strictly: `true` is never a number
/// and `1` is never a Boolean. The same value type carries a remote request's extra fields.
typealias ConfigValue = JSONValue
