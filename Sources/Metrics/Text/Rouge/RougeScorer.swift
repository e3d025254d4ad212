import Dispatch

/// ROUGE-L and ROUGE-Lsum of one target/prediction pair.
public struct RougeLScores: Sendable, Equatable, Hashable {
    /// Longest common subsequence over the whole texts (rouge-score's `rougeL`).
    public var rougeL: RougeScore
    /// Summary-level LCS over newline-separated lines (rouge-score's `rougeLsum`).
    public var rougeLsum: RougeScore

    /// Both scores.
    public init(rougeL: RougeScore, rougeLsum: RougeScore) {
        self.rougeL = rougeL
        self.rougeLsum = rougeLsum
    }
}

/// One target (reference) text and one prediction to compare.
public struct RougePair: Sendable {
    /// The reference text: rouge-score's first argument.
    public var target: String
    /// The system output: rouge-score's second argument.
    public var prediction: String

    /// A pair, target first as in `RougeScorer.score(target, prediction)`.
    public init(target: String, prediction: String) {
        self.target = target
        self.prediction = prediction
    }
}

/// rouge-score 0.1.2's `RougeScorer(["rougeL", "rougeLsum"], use_stemmer:)`, bit for bit.
///
/// `rougeL` is the LCS of the two token sequences; `rougeLsum` splits both texts on `\n`
/// (empty lines dropped), takes for every target line the union of its LCS positions against
/// each prediction line, and counts a hit only while that token's count is left on both sides.
/// `rougeLsum` is not symmetric in its arguments: the target comes first.
public struct RougeScorer: Sendable {
    /// How texts become tokens.
    public let tokenizer: RougeTokenizer

    /// A scorer with rouge-score's default tokenizer, stemming or not.
    public init(usesStemmer: Bool) {
        tokenizer = RougeTokenizer(usesStemmer: usesStemmer)
    }

    /// Both ROUGE-L variants of one pair.
    public func score(target: String, prediction: String) -> RougeLScores {
        var workspace = RougeWorkspace(tokenizer: tokenizer)
        return workspace.score(target: target, prediction: prediction)
    }

    /// rouge-score's `rougeL` of one pair.
    public func rougeL(target: String, prediction: String) -> RougeScore {
        score(target: target, prediction: prediction).rougeL
    }

    /// rouge-score's `rougeLsum` of one pair.
    public func rougeLsum(target: String, prediction: String) -> RougeScore {
        score(target: target, prediction: prediction).rougeLsum
    }

    /// Scores every pair, in order, splitting the work into chunks over `workerCount` threads.
    ///
    /// Each chunk has its own token table and stem cache, so the results do not depend on the
    /// number of workers.
    public func score(pairs: [RougePair], workerCount: Int = RougeScorer.defaultWorkerCount) -> [RougeLScores] {
        let chunkCount = pairs.isEmpty ? 0 : max(1, min(workerCount, pairs.count))
        let results = ResultBuffer(count: pairs.count)
        let tokenizer = self.tokenizer
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lower = pairs.count * chunk / chunkCount
            let upper = pairs.count * (chunk + 1) / chunkCount
            var workspace = RougeWorkspace(tokenizer: tokenizer)
            for index in lower..<upper {
                results.store(workspace.score(target: pairs[index].target, prediction: pairs[index].prediction),
                              at: index)
            }
        }
        return results.values
    }

    /// The number of active processor cores.
    public static var defaultWorkerCount: Int { ProcessInfoCores.active }
}

/// A fixed-size result array written by disjoint index ranges from several threads.
private final class ResultBuffer: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<RougeLScores>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: RougeLScores(rougeL: .zero, rougeLsum: .zero))
    }

    deinit { storage.deallocate() }

    func store(_ value: RougeLScores, at index: Int) { storage[index] = value }

    var values: [RougeLScores] { Array(storage) }
}

/// The number of cores, without Foundation.
enum ProcessInfoCores {
    static var active: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
