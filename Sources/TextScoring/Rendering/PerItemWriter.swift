import Metrics

/// Writes every item's scores as JSON Lines: one line per scored or skipped input line, in
/// input order, with stable keys.
///
/// Keys: `line` (1-based input line), `em`, `relaxed` (seed profile only), `f1`, `rougeL`
/// (rouge-score rougeL F, stemmed), `rougeLsum` (rougeLsum F, stemmed), `rouge` (the profile's
/// ROUGE-L column), `accAtRouge`, `goldTokens`, `short`; a skipped line has `line` and `error`.
public enum PerItemWriter {
    /// The JSON Lines text for one scored file.
    public static func lines(_ file: ScoredFile) -> String {
        var entries: [(line: Int, text: String)] = []
        entries.reserveCapacity(file.scores.count + file.file.skipped.count)
        for (index, score) in file.scores.enumerated() {
            var fields = ["\"line\":\(file.file.lineNumbers[index])", "\"em\":\(Int(score.exactMatch))"]
            if let relaxed = score.relaxedMatch { fields.append("\"relaxed\":\(Int(relaxed))") }
            fields += ["\"f1\":\(score.tokenF1)", "\"rougeL\":\(score.rougeL)", "\"rougeLsum\":\(score.rougeLsum)",
                       "\"rouge\":\(score.rouge)", "\"accAtRouge\":\(Int(score.accuracyAtRouge))",
                       "\"goldTokens\":\(score.goldTokenCount)", "\"short\":\(score.isShortAnswer)"]
            entries.append((file.file.lineNumbers[index], "{" + fields.joined(separator: ",") + "}"))
        }
        for error in file.file.skipped {
            entries.append((error.line ?? 0, "{\"line\":\(error.line ?? 0),\"error\":\(jsonString(error.description))}"))
        }
        entries.sort { $0.line < $1.line }
        return entries.map(\.text).joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
    }
}
