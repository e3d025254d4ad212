/// The merge table of a byte-level BPE vocabulary: which adjacent token pairs merge, in
/// which order (rank = position in the merge list), and into which token.
struct BPEMerges: Sendable {
    private struct Merge {
        let rank: Int
        let merged: Int
    }

    /// Keyed by `left << 32 | right` token ids.
    private let table: [UInt64: Merge]

    /// Builds the table from merges written "left right" in alphabet spelling.
    init(merges: [String], tokenIDs: [String: Int]) throws {
        var table: [UInt64: Merge] = [:]
        table.reserveCapacity(merges.count)
        for (rank, merge) in merges.enumerated() {
            let parts = merge.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw InferenceError.invalidTokenizer(reason: "merge \(rank) '\(merge)' is not 'left right'") }
            let left = String(parts[0]), right = String(parts[1])
            guard let leftID = tokenIDs[left], let rightID = tokenIDs[right], let merged = tokenIDs[left + right] else {
                continue  // a merge into or from a token the vocabulary lacks can never apply
            }
            let key = Self.key(leftID, rightID)
            if table[key] == nil { table[key] = Merge(rank: rank, merged: merged) }
        }
        self.table = table
    }

    private static func key(_ left: Int, _ right: Int) -> UInt64 {
        UInt64(left) << 32 | UInt64(right)
    }

    /// Merges `symbols` in place: repeatedly the adjacent pair of lowest rank (leftmost on ties)
    /// until no pair merges.
    func apply(to symbols: inout [Int]) {
        while symbols.count > 1 {
            var best: (index: Int, merge: Merge)?
            for index in 0..<(symbols.count - 1) {
                guard let merge = table[Self.key(symbols[index], symbols[index + 1])] else { continue }
                if best == nil || merge.rank < best!.merge.rank { best = (index, merge) }
            }
            guard let best else { return }
            symbols[best.index] = best.merge.merged
            symbols.remove(at: best.index + 1)
        }
    }
}
