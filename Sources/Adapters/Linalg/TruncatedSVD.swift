/// The rank-k factors B' [out, k], A' [k, in] of a matrix's truncated SVD (B' = U·S, A' = Vh),
/// the form PEFT's SVD merges give a merged adapter.
struct TruncatedSVD {
    /// U·diag(S) of the kept singular triplets, zero-padded to k columns.  // [out, k]
    var b: DenseMatrix
    /// Vh of the kept triplets, zero-padded to k rows.  // [k, in]
    var a: DenseMatrix
    /// The kept singular values, descending.
    var singularValues: [Float]

    /// Truncates the dense matrix `delta` [out, in] to rank `rank` with one full SVD (sgesdd).
    init(dense delta: DenseMatrix, rank: Int) throws {
        let (u, s, vh) = try LAPACK.singularValueDecomposition(delta)
        let kept = min(rank, s.count)
        var b = u.columns(0..<kept)
        for row in 0..<b.rows {
            for column in 0..<kept { b.values[row * kept + column] *= s[column] }
        }
        self.b = b.padded(rows: b.rows, columns: rank)
        a = vh.rows(0..<kept).padded(rows: rank, columns: vh.columns)
        singularValues = Array(s[0..<kept])
    }

    /// Truncates the product `left · right` (left [out, R], right [R, in], R small) to rank
    /// `rank` without forming it: QR of both factors, then the SVD of the R×R core,
    /// in double precision. Same factors as the dense SVD of the product, up to signs.
    static func ofProduct(_ left: DenseMatrix, _ right: DenseMatrix, rank: Int) throws -> TruncatedSVD {
        let inner = left.columns
        let out = left.rows, inFeatures = right.columns
        guard inner <= out, inner <= inFeatures else {
            return try TruncatedSVD(dense: left.multiplied(by: right), rank: rank)
        }
        // left as column-major doubles [out, R]; right's row-major buffer is rightᵀ [in, R] column-major.
        var leftColumns = [Double](repeating: 0, count: out * inner)
        for row in 0..<out {
            for column in 0..<inner { leftColumns[column * out + row] = Double(left.values[row * inner + column]) }
        }
        let (qLeft, rLeft) = try LAPACK.qrFactorization(columnMajor: leftColumns, rows: out, columns: inner)
        let (qRight, rRight) = try LAPACK.qrFactorization(
            columnMajor: right.values.map(Double.init), rows: inFeatures, columns: inner)
        // core = R_left · R_rightᵀ  [R, R], column-major
        var core = [Double](repeating: 0, count: inner * inner)
        for column in 0..<inner {
            for row in 0..<inner {
                var sum = 0.0
                for k in max(row, column)..<inner { sum += rLeft[k * inner + row] * rRight[k * inner + column] }
                core[column * inner + row] = sum
            }
        }
        let (uCore, s, vtCore) = try LAPACK.singularValueDecomposition(columnMajor: core, rows: inner, columns: inner)
        let kept = min(rank, inner)
        // B' = Q_left · U_core[:, :kept] · diag(S)   [out, rank]
        var b = DenseMatrix(zeros: out, rank)
        for row in 0..<out {
            for column in 0..<kept {
                var sum = 0.0
                for k in 0..<inner { sum += qLeft[k * out + row] * uCore[column * inner + k] }
                b.values[row * rank + column] = Float(sum * s[column])
            }
        }
        // A' = (Q_right · V_core[:, :kept])ᵀ   [rank, in]; V_core[k, column] = vt[column, k]
        var a = DenseMatrix(zeros: rank, inFeatures)
        for row in 0..<kept {
            for column in 0..<inFeatures {
                var sum = 0.0
                for k in 0..<inner { sum += qRight[k * inFeatures + column] * vtCore[k * inner + row] }
                a.values[row * inFeatures + column] = Float(sum)
            }
        }
        return TruncatedSVD(b: b, a: a, singularValues: s[0..<kept].map { Float($0) })
    }

    private init(b: DenseMatrix, a: DenseMatrix, singularValues: [Float]) {
        self.b = b
        self.a = a
        self.singularValues = singularValues
    }

    /// Clamps every entry of both factors to ±q, where q is the `quantile` (0…1) of all their
    /// entries together, linearly interpolated as `torch.quantile` does (PEFT's `svd_clamp`).
    /// The unpadded factors are used, so zero padding does not shift the quantile.
    mutating func clamp(quantile: Double) {
        let kept = singularValues.count
        var entries = b.columns(0..<kept).values + a.rows(0..<kept).values
        entries.sort()
        guard !entries.isEmpty else { return }
        let position = quantile * Double(entries.count - 1)
        let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
        let high = Float(Double(entries[lower]) + (Double(entries[upper]) - Double(entries[lower])) * (position - Double(lower)))
        let low = -high
        b.values = b.values.map { min(max($0, low), high) }
        a.values = a.values.map { min(max($0, low), high) }
    }
}
