/// SQuAD v1.1's official answer metrics (`evaluate-v1.1.py`), on Python's text semantics.
///
/// Normalization: lowercase, delete the 32 ASCII punctuation characters, replace the whole
/// words "a", "an", "the" by a space, collapse whitespace. Scores are the maximum over golds.
/// Unlike the study, an empty prediction against an empty gold has EM 1 but F1 0.
public enum SquadAnswerMetrics {
    /// SQuAD's `normalize_answer`.
    public static func normalize(_ text: String) -> [Unicode.Scalar] {
        let lowered = PythonText.lowercased(text)
        let withoutPunctuation = lowered.filter { !isASCIIPunctuation($0) }
        var withoutArticles: [Unicode.Scalar] = []
        withoutArticles.reserveCapacity(withoutPunctuation.count)
        var index = 0
        while index < withoutPunctuation.count {
            guard PythonText.isWordCharacter(withoutPunctuation[index]) else {
                withoutArticles.append(withoutPunctuation[index])
                index += 1
                continue
            }
            var end = index
            while end < withoutPunctuation.count && PythonText.isWordCharacter(withoutPunctuation[end]) { end += 1 }
            let word = withoutPunctuation[index..<end]
            // `\b(a|an|the)\b` can only match a whole run of word characters.
            if word.elementsEqual(["a"]) || word.elementsEqual(["a", "n"]) || word.elementsEqual(["t", "h", "e"]) {
                withoutArticles.append(" ")
            } else {
                withoutArticles.append(contentsOf: word)
            }
            index = end
        }
        return Array(PythonText.split(withoutArticles).joined(separator: [" "]))
    }

    /// Exact match against any gold.
    public static func exactMatch(prediction: String, golds: [String]) -> Bool {
        let normalizedPrediction = normalize(prediction)
        return golds.contains { normalize($0) == normalizedPrediction }
    }

    /// The best token F1 over golds; 0 when nothing overlaps (empty against empty included).
    public static func tokenF1(prediction: String, golds: [String]) -> Double {
        let predictionTokens = PythonText.split(normalize(prediction))
        var best = 0.0
        for gold in golds {
            let goldTokens = PythonText.split(normalize(gold))
            let shared = TokenOverlap.sharedCount(predictionTokens, goldTokens)
            guard shared > 0 else { continue }
            best = max(best, TokenOverlap.f1(shared: shared, predictionCount: predictionTokens.count,
                                             goldCount: goldTokens.count))
        }
        return best
    }

    private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }
}
