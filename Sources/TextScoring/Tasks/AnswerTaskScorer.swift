import Metrics

/// One item's outcome under an answer-checking task (gsm8k, mc, classification).
public struct AnswerTaskItem: Sendable, Equatable {
    /// What was read or extracted, in the stable order `--per-item` writes it; `nil` is JSON null
    /// (no letter found).
    public var details: [Detail]
    /// 0 or 1 per entry of the task's `hitKeys`.
    public var hits: [Double]

    /// A named text value of one item.
    public struct Detail: Sendable, Equatable {
        /// The stable key ("strictAnswer", "letter", "gold", "predicted").
        public let key: String
        /// The value, `nil` when there is none.
        public let value: String?
    }
}

/// Scores one item of an answer-checking task; a pure function of the item.
public enum AnswerTaskScorer {
    /// The outcome of `item` (its first gold is the gold) under `task`.
    public static func score(_ item: TextAnswerItem, task: TextScoringTask) -> AnswerTaskItem {
        let gold = item.golds.first ?? ""
        switch task {
        case .qa:
            preconditionFailure("qa items are scored by TextAnswerScorer")
        case .gsm8k:
            let strict = GSM8KAnswerExtractor.strictAnswer(item.prediction)
            let flexible = GSM8KAnswerExtractor.flexibleAnswer(item.prediction)
            return AnswerTaskItem(
                details: [.init(key: "strictAnswer", value: strict), .init(key: "flexibleAnswer", value: flexible)],
                hits: [hit(GSM8KAnswerExtractor.isCorrect(extracted: strict, gold: gold)),
                       hit(GSM8KAnswerExtractor.isCorrect(extracted: flexible, gold: gold))])
        case .mc:
            let letter = MultipleChoiceLetterExtractor.letter(item.prediction).map(String.init)
            return AnswerTaskItem(details: [.init(key: "letter", value: letter), .init(key: "gold", value: gold)],
                                  hits: [hit(letter == gold)])
        case .classification:
            return AnswerTaskItem(
                details: [.init(key: "gold", value: gold), .init(key: "predicted", value: item.prediction)],
                hits: [hit(ClassificationReport.isSameLabel(gold, item.prediction))])
        }
    }

    private static func hit(_ correct: Bool) -> Double { correct ? 1 : 0 }
}
