import Foundation
import JSONLines
import Metrics

/// The scorable items of one prediction file, with where each came from.
public struct PredictionFile: Sendable {
    /// The path as given.
    public let path: String
    /// Items in file order.
    public let items: [TextAnswerItem]
    /// The 1-based line of each item.
    public let lineNumbers: [Int]
    /// Lines that were skipped with `skipInvalid`, with the reason.
    public let skipped: [JSONLinesError]

    /// What the gold field must hold.
    public enum GoldShape: Sendable {
        /// A string or a list of acceptable strings (question answering).
        case answers
        /// One string or number (a GSM8K answer, a class label).
        case value
        /// One letter A–D, either case, surrounding whitespace ignored; stored uppercase.
        case choiceLetter
    }

    /// Reads `path`, taking the gold (shaped as `gold` says) and the prediction (a string) from
    /// the named fields. A prediction is scored on what follows its reasoning block tagged
    /// `reasoningTag` (`ReasoningSplit`; one that never closes is an empty answer); a nil tag
    /// scores it whole. Without `skipInvalid` the first bad line throws; with it, bad lines are
    /// collected in `skipped`.
    public init(path: String, goldField: String, predictionField: String, gold shape: GoldShape = .answers,
                reasoningTag: String? = ReasoningSplit.defaultTag, skipInvalid: Bool) throws(JSONLinesError) {
        let reader = try JSONLinesReader(path: path, fields: [goldField, predictionField])
        try self.init(path: path, reader: reader, skipInvalid: skipInvalid) { record throws(JSONLinesError) in
            let golds = try PredictionFile.golds(record, goldField, shape, file: path)
            let prediction = ReasoningSplit(try record.string(predictionField, file: path), tag: reasoningTag).answer ?? ""
            return TextAnswerItem(golds: golds, prediction: prediction)
        }
    }

    /// Reads the samples file lm-evaluation-harness writes with `--log_samples`
    /// (`samples_<task>_<date>.jsonl`): the gold is `target`, the prediction the model's raw
    /// text, `resps[0][0]` (not `filtered_resps`, which hold what the harness's own filters
    /// extracted). The harness writes a line per document and filter; the first line of each
    /// `doc_id` is kept. Samples of loglikelihood tasks hold scores, not text, and are refused.
    public init(lmEvalSamples path: String, gold shape: GoldShape = .answers,
                reasoningTag: String? = ReasoningSplit.defaultTag, skipInvalid: Bool) throws(JSONLinesError) {
        let reader = try JSONLinesReader(path: path, fields: ["doc_id", "target"], keepsLineBytes: true)
        var seen = Set<String>()
        try self.init(path: path, reader: reader, skipInvalid: skipInvalid) { record throws(JSONLinesError) in
            guard seen.insert(try record.stringOrNumber("doc_id", file: path)).inserted else { return nil }
            let golds = try PredictionFile.golds(record, "target", shape, file: path)
            let text = try PredictionFile.firstResponse(record, file: path)
            return TextAnswerItem(golds: golds, prediction: ReasoningSplit(text, tag: reasoningTag).answer ?? "")
        }
    }

    /// Reads every record of `reader`: `item` gives its item, or nil to pass over it. Without
    /// `skipInvalid` the first bad line throws; with it, bad lines are collected in `skipped`.
    private init(path: String, reader: JSONLinesReader, skipInvalid: Bool,
                 item: (JSONLinesRecord) throws(JSONLinesError) -> TextAnswerItem?) throws(JSONLinesError) {
        var items: [TextAnswerItem] = [], lineNumbers: [Int] = [], skipped: [JSONLinesError] = []
        while true {
            do {
                guard let record = try reader.next() else { break }
                guard let next = try item(record) else { continue }
                items.append(next)
                lineNumbers.append(record.lineNumber)
            } catch {
                guard skipInvalid, error.line != nil else { throw error }
                skipped.append(error)
            }
        }
        self.path = path
        self.items = items
        self.lineNumbers = lineNumbers
        self.skipped = skipped
    }

    /// Whether `path`'s first record looks like lm-evaluation-harness's samples (`doc_id`,
    /// `target` and `resps`); false for an unreadable or empty file (reading it then says why).
    public static func holdsLMEvalSamples(_ path: String) -> Bool {
        guard let reader = try? JSONLinesReader(path: path, fields: ["doc_id", "target", "resps"]),
              let first = try? reader.next() else { return false }
        return [first.fields["doc_id"], first.fields["target"], first.fields["resps"]].allSatisfy { ($0 ?? .missing) != .missing }
    }

    /// `resps[0][0]` of an lm-evaluation-harness sample line, the model's generated text.
    private static func firstResponse(_ record: JSONLinesRecord, file: String) throws(JSONLinesError) -> String {
        let object = record.lineBytes.flatMap { try? JSONSerialization.jsonObject(with: Data($0)) } as? [String: Any]
        guard let responses = object?["resps"] else { throw .missingField(file: file, line: record.lineNumber, field: "resps") }
        guard let text = ((responses as? [Any])?.first as? [Any])?.first as? String else {
            throw .invalidValue(file: file, line: record.lineNumber, field: "resps",
                                expected: "the generated text as [[\"...\"]] (a loglikelihood task's samples hold scores)",
                                value: String(String(decoding: (try? JSONSerialization.data(withJSONObject: responses, options: [.fragmentsAllowed])) ?? Data(), as: UTF8.self).prefix(60)))
        }
        return text
    }

    private static func golds(_ record: JSONLinesRecord, _ field: String, _ shape: GoldShape,
                              file: String) throws(JSONLinesError) -> [String] {
        switch shape {
        case .answers:
            return try record.strings(field, file: file)
        case .value:
            return [try record.stringOrNumber(field, file: file)]
        case .choiceLetter:
            let text = try record.string(field, file: file)
            let letter = PythonText.stripped(Array(text.unicodeScalars))
            guard letter.count == 1, "ABCDabcd".unicodeScalars.contains(letter[0]) else {
                throw .invalidValue(file: file, line: record.lineNumber, field: field,
                                    expected: "a letter A-D", value: jsonString(text))
            }
            return [String(letter[0]).uppercased()]
        }
    }
}
