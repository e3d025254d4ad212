/// Reusable state for scoring many pairs on one thread: token tables, a stem cache and buffers.
///
/// Scoring is still a pure function of the pair; the workspace only avoids recomputing stems
/// and reallocating tables.
struct RougeWorkspace {
    let tokenizer: RougeTokenizer
    private var vocabulary: StemmedVocabulary
    private var target = TokenizedText()
    private var prediction = TokenizedText()
    private var targetCounts: [Int32] = []      // token id -> count left in the target
    private var predictionCounts: [Int32] = []  // token id -> count left in the prediction
    private var marked: [Bool] = []             // target line position -> on some LCS
    private var table: [Int32] = []             // LCS DP cells

    init(tokenizer: RougeTokenizer) {
        self.tokenizer = tokenizer
        vocabulary = StemmedVocabulary(tokenizer: tokenizer)
    }

    mutating func score(target targetText: String, prediction predictionText: String) -> RougeLScores {
        vocabulary.tokenize(targetText, into: &target)
        vocabulary.tokenize(predictionText, into: &prediction)
        return RougeLScores(rougeL: rougeL(), rougeLsum: rougeLsum())
    }

    private mutating func rougeL() -> RougeScore {
        guard !target.tokens.isEmpty && !prediction.tokens.isEmpty else { return .zero }
        let matches = target.tokens.withUnsafeBufferPointer { targetTokens in
            prediction.tokens.withUnsafeBufferPointer { predictionTokens in
                LongestCommonSubsequence.length(targetTokens, predictionTokens, scratch: &table)
            }
        }
        return RougeScore(matches: matches, predictionCount: prediction.tokens.count,
                          targetCount: target.tokens.count)
    }

    private mutating func rougeLsum() -> RougeScore {
        guard !target.tokens.isEmpty && !prediction.tokens.isEmpty else { return .zero }
        let vocabularySize = vocabulary.count
        if targetCounts.count < vocabularySize {
            targetCounts.append(contentsOf: repeatElement(0, count: vocabularySize - targetCounts.count))
            predictionCounts.append(contentsOf: repeatElement(0, count: vocabularySize - predictionCounts.count))
        }
        for token in target.tokens { targetCounts[Int(token)] += 1 }
        for token in prediction.tokens { predictionCounts[Int(token)] += 1 }

        var hits = 0
        var lineStart = 0
        for lineEnd in target.lineEnds {
            defer { lineStart = lineEnd }
            let lineLength = lineEnd - lineStart
            guard lineLength > 0 else { continue }
            RougeWorkspace.markUnionOfLCS(targetLine: lineStart..<lineEnd, target: target, prediction: prediction,
                                          marked: &marked, table: &table)
            for index in 0..<lineLength where marked[index] {
                let token = Int(target.tokens[lineStart + index])
                if predictionCounts[token] > 0 && targetCounts[token] > 0 {
                    hits += 1
                    predictionCounts[token] -= 1
                    targetCounts[token] -= 1
                }
            }
        }
        for token in target.tokens { targetCounts[Int(token)] = 0 }
        for token in prediction.tokens { predictionCounts[Int(token)] = 0 }
        return RougeScore(matches: hits, predictionCount: prediction.tokens.count,
                          targetCount: target.tokens.count)
    }

    /// Sets `marked[0..<line length]` to the positions of the target line that lie on its
    /// LCS with at least one prediction line.
    private static func markUnionOfLCS(targetLine: Range<Int>, target: TokenizedText, prediction: TokenizedText,
                                       marked: inout [Bool], table: inout [Int32]) {
        if marked.count < targetLine.count { marked = Array(repeating: false, count: targetLine.count) }
        target.tokens.withUnsafeBufferPointer { targetTokens in
            let reference = UnsafeBufferPointer(rebasing: targetTokens[targetLine])
            prediction.tokens.withUnsafeBufferPointer { predictionTokens in
                marked.withUnsafeMutableBufferPointer { marks in
                    for index in 0..<reference.count { marks[index] = false }
                    var candidateStart = 0
                    for candidateEnd in prediction.lineEnds {
                        defer { candidateStart = candidateEnd }
                        guard candidateEnd > candidateStart else { continue }
                        let candidate = UnsafeBufferPointer(rebasing: predictionTokens[candidateStart..<candidateEnd])
                        LongestCommonSubsequence.markIndices(reference: reference, candidate: candidate,
                                                             marked: marks, table: &table)
                    }
                }
            }
        }
    }
}

/// A text's token ids and, for each `\n`-separated line, where its tokens end.
///
/// Lines without tokens stay as empty ranges: they never change a ROUGE score.
struct TokenizedText {
    var tokens: [Int32] = []
    var lineEnds: [Int] = []
}

/// Token ids after stemming, computing each distinct raw token's stem once.
struct StemmedVocabulary {
    let tokenizer: RougeTokenizer
    private var rawTokens = TokenInterner()
    private var finalIDOfRaw: [Int32] = []      // raw token id -> stemmed token id, -1 if dropped
    private var stems = TokenInterner()

    init(tokenizer: RougeTokenizer) {
        self.tokenizer = tokenizer
    }

    /// The number of distinct stemmed tokens.
    var count: Int { stems.count }

    mutating func tokenize(_ text: String, into tokenized: inout TokenizedText) {
        tokenized.tokens.removeAll(keepingCapacity: true)
        tokenized.lineEnds.removeAll(keepingCapacity: true)
        RougeTokenizer.forEachRawToken(in: text, onNewline: { tokenized.lineEnds.append(tokenized.tokens.count) }) { raw in
            if let id = finalID(of: raw) { tokenized.tokens.append(id) }
        }
        tokenized.lineEnds.append(tokenized.tokens.count)
    }

    private mutating func finalID(of raw: UnsafeBufferPointer<UInt8>) -> Int32? {
        if let rawID = rawTokens.lookup(raw) {
            let id = finalIDOfRaw[Int(rawID)]
            return id < 0 ? nil : id
        }
        _ = rawTokens.intern(raw)
        let stemmed = tokenizer.stemmedBytes(raw)
        let id: Int32 = stemmed.isEmpty ? -1 : stemmed.withUnsafeBufferPointer { stems.intern($0) }
        finalIDOfRaw.append(id)
        return id < 0 ? nil : id
    }
}
