import JSONLines
import Metrics

/// Writes every item's scores as JSON Lines: one line per scored or skipped input line, in
/// input order, with stable keys.
///
/// Every line starts with `line` (1-based input line) and `file` (the path as given); a skipped
/// line has only those and `error`. Then, by task:
/// - qa: `em`, `relaxed` (seed profile only), `f1`, `rougeL` (rouge-score rougeL F, stemmed),
///   `rougeLsum` (rougeLsum F, stemmed), `rouge` (the profile's ROUGE-L column), `accAtRouge`,
///   `goldTokens`, `short`.
/// - gsm8k: `strictAnswer`, `flexibleAnswer` (the extracted strings, `[invalid]` when none),
///   `strictMatch`, `flexibleExtract` (0 or 1).
/// - mc: `letter` (A–D or null), `gold`, `correct`.
/// - classification: `gold`, `predicted`, `correct`.
public enum PerItemWriter {
    /// The JSON Lines text for one file scored under the qa task.
    public static func lines(_ file: ScoredFile) -> String {
        let scored = file.scores.enumerated().map { index, score in
            var fields = ["\"line\":\(file.file.lineNumbers[index])", "\"file\":\(jsonString(file.file.path))", "\"em\":\(Int(score.exactMatch))"]
            if let relaxed = score.relaxedMatch { fields.append("\"relaxed\":\(Int(relaxed))") }
            fields += ["\"f1\":\(score.tokenF1)", "\"rougeL\":\(score.rougeL)", "\"rougeLsum\":\(score.rougeLsum)",
                       "\"rouge\":\(score.rouge)", "\"accAtRouge\":\(Int(score.accuracyAtRouge))",
                       "\"goldTokens\":\(score.goldTokenCount)", "\"short\":\(score.isShortAnswer)"]
            return (file.file.lineNumbers[index], "{" + fields.joined(separator: ",") + "}")
        }
        return merged(scored, skipped: file.file.skipped, path: file.file.path)
    }

    /// The JSON Lines text for one file scored under gsm8k, mc or classification.
    public static func lines(_ file: AnswerTaskScoredFile, task: TextScoringTask) -> String {
        let scored = file.items.enumerated().map { index, item in
            var fields = ["\"line\":\(file.file.lineNumbers[index])", "\"file\":\(jsonString(file.file.path))"]
            fields += item.details.map { "\"\($0.key)\":" + ($0.value.map(jsonString) ?? "null") }
            fields += zip(task.hitKeys, item.hits).map { "\"\($0)\":\(Int($1))" }
            return (file.file.lineNumbers[index], "{" + fields.joined(separator: ",") + "}")
        }
        return merged(scored, skipped: file.file.skipped, path: file.file.path)
    }

    /// Scored and skipped lines interleaved in input order.
    private static func merged(_ scored: [(line: Int, text: String)], skipped: [JSONLinesError], path: String) -> String {
        var entries = scored
        for error in skipped {
            entries.append((error.line ?? 0, "{\"line\":\(error.line ?? 0),\"file\":\(jsonString(path)),\"error\":\(jsonString(error.description))}"))
        }
        entries.sort { $0.line < $1.line }
        return entries.map(\.text).joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
    }
}
