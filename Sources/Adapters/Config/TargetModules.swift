import Foundation

/// Which modules of the base an adapter adapts, as PEFT's `target_modules` spells it: a list of
/// names, each matching a module whose dotted path equals it or ends in `.name`, or one regular
/// expression that must match the whole module path.
public enum TargetModules: Sendable, Equatable {
    /// Module names (`q_proj`) or dotted suffixes (`self_attn.q_proj`).
    case names([String])
    /// A regular expression matched against the whole module path (Python's `re.fullmatch`).
    case pattern(String)

    /// Whether the module at `path` (e.g. `model.layers.0.self_attn.q_proj`) is targeted.
    public func matches(_ path: String) -> Bool {
        switch self {
        case let .names(names):
            return names.contains { path == $0 || path.hasSuffix("." + $0) }
        case let .pattern(pattern):
            return RegexMatch.fullMatch(pattern, path)
        }
    }

    /// The JSON value PEFT writes: a list of names or the pattern string.
    var jsonValue: Any {
        switch self {
        case let .names(names): names
        case let .pattern(pattern): pattern
        }
    }

    /// The targets of a merge of adapters: the union of the lists, or the patterns joined as
    /// alternatives `(p1)|(p2)`, as PEFT's `add_weighted_adapter` forms them.
    static func union(_ targets: [TargetModules]) throws -> TargetModules {
        var names: [String] = []
        var patterns: [String] = []
        for target in targets {
            switch target {
            case let .names(list): names.append(contentsOf: list)
            case let .pattern(pattern): patterns.append(pattern)
            }
        }
        guard names.isEmpty || patterns.isEmpty else {
            throw AdapterError.incompatibleAdapters(
                reason: "some adapters list target_modules and others give a regex; PEFT cannot combine the two either")
        }
        if patterns.isEmpty { return .names(Array(Set(names)).sorted()) }
        return .pattern(patterns.map { "(\($0))" }.joined(separator: "|"))
    }
}

/// Python-`re`-style matching on ICU regular expressions (the syntax PEFT's patterns use —
/// character classes, groups, alternation — is common to both).
enum RegexMatch {
    /// Whether `pattern` matches the whole of `text`; an invalid pattern matches nothing.
    static func fullMatch(_ pattern: String, _ text: String) -> Bool {
        firstMatch("^(?:\(pattern))$", text) != nil
    }

    /// The capture groups of the first match of `pattern` anchored at the start of `text`.
    static func firstMatch(_ pattern: String, _ text: String) -> [String?]? {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, options: [.anchored], range: range) else { return nil }
        return (0..<match.numberOfRanges).map { group in
            Range(match.range(at: group), in: text).map { String(text[$0]) }
        }
    }

    /// Whether `pattern` compiles.
    static func isValid(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern)) != nil
    }
}
