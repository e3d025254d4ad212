/// What the predictions answer, and so how they are scored.
public enum TextScoringTask: String, Sendable, CaseIterable {
    /// Free-text answers: EM, relaxed match, token F1, ROUGE-L under a profile (`TextScoringReport`).
    case qa
    /// GSM8K: the numeric answer extracted as lm-evaluation-harness does, strict and flexible.
    case gsm8k
    /// Multiple choice: the letter A–D extracted from the prediction against a gold letter.
    case mc
    /// Classification: the prediction is a label; accuracy, macro-F1 and the confusion matrix.
    case classification

    /// What the gold field holds under this task.
    public var goldShape: PredictionFile.GoldShape {
        switch self {
        case .qa: return .answers
        case .gsm8k, .classification: return .value
        case .mc: return .choiceLetter
        }
    }

    /// The table's metric columns for the answer-checking tasks (empty for `qa`).
    public var metrics: [TaskMetric] {
        switch self {
        case .qa: return []
        case .gsm8k:
            return [TaskMetric(name: "Strict-match", key: "strictMatch", itemHit: 0),
                    TaskMetric(name: "Flexible-extract", key: "flexibleExtract", itemHit: 1)]
        case .mc:
            return [TaskMetric(name: "Accuracy", key: "accuracy", itemHit: 0)]
        case .classification:
            return [TaskMetric(name: "Accuracy", key: "accuracy", itemHit: 0),
                    TaskMetric(name: "Macro-F1", key: "macroF1", itemHit: nil)]
        }
    }

    /// The per-item keys of `AnswerTaskItem.hits`, as written by `--per-item`.
    public var hitKeys: [String] {
        switch self {
        case .qa: return []
        case .gsm8k: return ["strictMatch", "flexibleExtract"]
        case .mc, .classification: return ["correct"]
        }
    }
}

/// One column of an answer-checking task's table.
public struct TaskMetric: Sendable, Equatable {
    /// The display name ("Strict-match").
    public let name: String
    /// The stable JSON key ("strictMatch").
    public let key: String
    /// The index into `AnswerTaskItem.hits` when the metric is the mean of a per-item 0/1
    /// result; `nil` for a statistic of the whole file (macro-F1).
    public let itemHit: Int?
}
