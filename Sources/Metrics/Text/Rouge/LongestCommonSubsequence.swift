/// Longest-common-subsequence kernels over interned tokens, as rouge-score computes them.
enum LongestCommonSubsequence {
    /// The LCS length of `target` and `prediction`, with two rows of the DP table.
    static func length(_ target: UnsafeBufferPointer<Int32>, _ prediction: UnsafeBufferPointer<Int32>,
                       scratch: inout [Int32]) -> Int {
        let columns = prediction.count + 1
        if scratch.count < 2 * columns { scratch = Array(repeating: 0, count: 2 * columns) }
        return scratch.withUnsafeMutableBufferPointer { rows -> Int in
            var previous = rows.baseAddress!
            var current = previous + columns
            for j in 0..<columns { previous[j] = 0 }
            current[0] = 0
            for targetToken in target {
                for j in 1..<columns {
                    if targetToken == prediction[j - 1] {
                        current[j] = previous[j - 1] + 1
                    } else {
                        let up = previous[j], left = current[j - 1]
                        current[j] = up > left ? up : left
                    }
                }
                swap(&previous, &current)
            }
            return Int(previous[columns - 1])
        }
    }

    /// Marks in `marked` the reference positions of rouge-score's `lcs_ind(reference, candidate)`:
    /// the full table, then the walk back from the end that moves left only when the left cell
    /// is strictly greater than the upper one.
    static func markIndices(reference: UnsafeBufferPointer<Int32>, candidate: UnsafeBufferPointer<Int32>,
                            marked: UnsafeMutableBufferPointer<Bool>, table: inout [Int32]) {
        let rows = reference.count + 1, columns = candidate.count + 1
        if table.count < rows * columns { table = Array(repeating: 0, count: rows * columns) }
        table.withUnsafeMutableBufferPointer { cells in
            for j in 0..<columns { cells[j] = 0 }   // [rows, columns], row-major
            for i in 1..<rows {
                let row = i * columns, above = row - columns
                cells[row] = 0
                let referenceToken = reference[i - 1]
                for j in 1..<columns {
                    if referenceToken == candidate[j - 1] {
                        cells[row + j] = cells[above + j - 1] + 1
                    } else {
                        let up = cells[above + j], left = cells[row + j - 1]
                        cells[row + j] = up > left ? up : left
                    }
                }
            }
            var i = reference.count, j = candidate.count
            while i > 0 && j > 0 {
                if reference[i - 1] == candidate[j - 1] {
                    marked[i - 1] = true
                    i -= 1
                    j -= 1
                } else if cells[i * columns + j - 1] > cells[(i - 1) * columns + j] {
                    j -= 1
                } else {
                    i -= 1
                }
            }
        }
    }
}
