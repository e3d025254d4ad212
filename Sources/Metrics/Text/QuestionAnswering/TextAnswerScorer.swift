import Dispatch

/// Which definitions turn a gold answer and a prediction into scores.
public enum TextScoringProfile: String, Sendable, CaseIterable {
    /// The reference study's script: stripped inputs, its normalization, EM, relaxed match,
    /// F1 with its empty rules, and "ROUGE-L" computed as stemmed ROUGE-Lsum.
    case seed
    /// SQuAD v1.1: its normalization, EM and F1 as maxima over golds; ROUGE-L is stemmed rougeL.
    case squad
}

/// One question's gold answers (one or more) and the model's prediction.
public struct TextAnswerItem: Sendable {
    /// Acceptable answers; scores take the best over them.
    public var golds: [String]
    /// The model's answer.
    public var prediction: String

    /// An item with one or more golds.
    public init(golds: [String], prediction: String) {
        self.golds = golds
        self.prediction = prediction
    }
}

/// Every per-item score of a text answer. Binary scores are 0 or 1 so they average to rates.
public struct TextAnswerScores: Sendable, Equatable {
    /// Normalized exact match.
    public var exactMatch: Double
    /// The study's relaxed match; `nil` under the SQuAD profile, which has none.
    public var relaxedMatch: Double?
    /// Token-overlap F1.
    public var tokenF1: Double
    /// rouge-score `rougeL` F-measure with stemming.
    public var rougeL: Double
    /// rouge-score `rougeLsum` F-measure with stemming.
    public var rougeLsum: Double
    /// The profile's ROUGE-L column: `rougeLsum` for seed (as the study computes it), `rougeL` for squad.
    public var rouge: Double
    /// 1 when `rouge` reaches the threshold.
    public var accuracyAtRouge: Double
    /// Tokens in the (shortest) normalized gold.
    public var goldTokenCount: Int
    /// Whether the item belongs to the short-answer subset.
    public var isShortAnswer: Bool
}

/// Scores text answers under a profile; each item's scores are a pure function of the item.
public struct TextAnswerScorer: Sendable {
    /// The definitions in use.
    public let profile: TextScoringProfile
    /// Thresholds (short-answer token limit, ROUGE threshold), shared by both profiles.
    public let thresholds: StudyAnswerMetrics

    /// A scorer for `profile` with the given thresholds.
    public init(profile: TextScoringProfile, thresholds: StudyAnswerMetrics = StudyAnswerMetrics()) {
        self.profile = profile
        self.thresholds = thresholds
    }

    /// The scores of one item.
    public func score(_ item: TextAnswerItem) -> TextAnswerScores {
        var workspace = RougeWorkspace(tokenizer: RougeTokenizer(usesStemmer: true))
        return score(item, workspace: &workspace)
    }

    /// The scores of every item, in order, computed over `workerCount` threads.
    public func score(items: [TextAnswerItem], workerCount: Int = RougeScorer.defaultWorkerCount) -> [TextAnswerScores] {
        guard !items.isEmpty else { return [] }
        let chunkCount = max(1, min(workerCount, items.count))
        let results = UnsafeMutableBufferPointer<TextAnswerScores?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let sink = SendableBuffer(results)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var workspace = RougeWorkspace(tokenizer: RougeTokenizer(usesStemmer: true))
            let lower = items.count * chunk / chunkCount, upper = items.count * (chunk + 1) / chunkCount
            for index in lower..<upper {
                sink.buffer[index] = score(items[index], workspace: &workspace)
            }
        }
        return results.map { $0! }
    }

    func score(_ item: TextAnswerItem, workspace: inout RougeWorkspace) -> TextAnswerScores {
        let golds = item.golds.isEmpty ? [""] : item.golds
        switch profile {
        case .seed:
            return seedScores(golds: golds, prediction: item.prediction, workspace: &workspace)
        case .squad:
            return squadScores(golds: golds, prediction: item.prediction, workspace: &workspace)
        }
    }

    private func seedScores(golds: [String], prediction rawPrediction: String,
                            workspace: inout RougeWorkspace) -> TextAnswerScores {
        let prediction = String(String.UnicodeScalarView(PythonText.stripped(Array(rawPrediction.unicodeScalars))))
        var best = TextAnswerScores(exactMatch: 0, relaxedMatch: 0, tokenF1: 0, rougeL: 0, rougeLsum: 0, rouge: 0,
                                    accuracyAtRouge: 0, goldTokenCount: Int.max, isShortAnswer: false)
        for rawGold in golds {
            let gold = String(String.UnicodeScalarView(PythonText.stripped(Array(rawGold.unicodeScalars))))
            let rouge = workspace.score(target: gold, prediction: prediction)
            best.exactMatch = max(best.exactMatch, thresholds.exactMatch(prediction: prediction, gold: gold) ? 1 : 0)
            best.relaxedMatch = max(best.relaxedMatch!, thresholds.relaxedMatch(prediction: prediction, gold: gold) ? 1 : 0)
            best.tokenF1 = max(best.tokenF1, thresholds.tokenF1(prediction: prediction, gold: gold))
            best.rougeL = max(best.rougeL, rouge.rougeL.fmeasure)
            best.rougeLsum = max(best.rougeLsum, rouge.rougeLsum.fmeasure)
            best.goldTokenCount = min(best.goldTokenCount, StudyAnswerMetrics.tokens(gold).count)
        }
        best.rouge = best.rougeLsum
        best.accuracyAtRouge = best.rouge >= thresholds.rougeThreshold ? 1 : 0
        best.isShortAnswer = best.goldTokenCount <= thresholds.shortAnswerTokenLimit
        return best
    }

    private func squadScores(golds: [String], prediction: String, workspace: inout RougeWorkspace) -> TextAnswerScores {
        var rougeL = 0.0, rougeLsum = 0.0, goldTokenCount = Int.max
        for gold in golds {
            let rouge = workspace.score(target: gold, prediction: prediction)
            rougeL = max(rougeL, rouge.rougeL.fmeasure)
            rougeLsum = max(rougeLsum, rouge.rougeLsum.fmeasure)
            goldTokenCount = min(goldTokenCount, PythonText.split(SquadAnswerMetrics.normalize(gold)).count)
        }
        return TextAnswerScores(
            exactMatch: SquadAnswerMetrics.exactMatch(prediction: prediction, golds: golds) ? 1 : 0,
            relaxedMatch: nil,
            tokenF1: SquadAnswerMetrics.tokenF1(prediction: prediction, golds: golds),
            rougeL: rougeL, rougeLsum: rougeLsum, rouge: rougeL,
            accuracyAtRouge: rougeL >= thresholds.rougeThreshold ? 1 : 0,
            goldTokenCount: goldTokenCount,
            isShortAnswer: goldTokenCount <= thresholds.shortAnswerTokenLimit)
    }
}

/// A buffer whose disjoint index ranges are written from several threads.
struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
