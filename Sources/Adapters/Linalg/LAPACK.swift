import COpenBLAS

/// The LAPACK routines the merge needs, wrapped once: workspace queries, column-major
/// layout and `info` codes stay in this file.
enum LAPACK {
    /// The thin SVD of a row-major `Float` matrix M [m, n] = U·diag(S)·Vh with k = min(m, n):
    /// U [m, k], S [k] descending, Vh [k, n] (sgesdd, like torch.linalg.svd on the CPU).
    static func singularValueDecomposition(_ matrix: DenseMatrix) throws -> (u: DenseMatrix, s: [Float], vh: DenseMatrix) {
        // The row-major buffer of M is the column-major buffer of Mᵀ [n, m]. LAPACK factors
        // Mᵀ = V·S·Uᵀ, so its "U" buffer [n, k] column-major is Vh row-major and its "VT"
        // buffer [k, m] column-major is U row-major.
        var a = matrix.values
        var m = Int32(matrix.columns), n = Int32(matrix.rows)
        let k = Int(min(m, n))
        var s = [Float](repeating: 0, count: k)
        var vhBuffer = [Float](repeating: 0, count: Int(m) * k)
        var uBuffer = [Float](repeating: 0, count: k * Int(n))
        var lda = m, ldu = m, ldvt = Int32(k)
        var iwork = [Int32](repeating: 0, count: 8 * k)
        var info: Int32 = 0
        var jobz = Int8(UInt8(ascii: "S"))
        var query: Float = 0
        var lwork: Int32 = -1
        sgesdd_(&jobz, &m, &n, &a, &lda, &s, &vhBuffer, &ldu, &uBuffer, &ldvt, &query, &lwork, &iwork, &info)
        guard info == 0 else { throw AdapterError.linearAlgebra(routine: "sgesdd (workspace query)", info: info) }
        lwork = Int32(query)
        var work = [Float](repeating: 0, count: Int(lwork))
        sgesdd_(&jobz, &m, &n, &a, &lda, &s, &vhBuffer, &ldu, &uBuffer, &ldvt, &work, &lwork, &iwork, &info)
        guard info == 0 else { throw AdapterError.linearAlgebra(routine: "sgesdd", info: info) }
        return (DenseMatrix(rows: matrix.rows, columns: k, values: uBuffer), s,
                DenseMatrix(rows: k, columns: matrix.columns, values: vhBuffer))
    }

    /// The thin SVD of a column-major `Double` matrix [m, n]: U [m, k] and Vᵀ [k, n] column-major, S [k].
    static func singularValueDecomposition(
        columnMajor values: [Double], rows: Int, columns: Int
    ) throws -> (u: [Double], s: [Double], vt: [Double]) {
        var a = values
        var m = Int32(rows), n = Int32(columns)
        let k = min(rows, columns)
        var s = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: rows * k)
        var vt = [Double](repeating: 0, count: k * columns)
        var lda = m, ldu = m, ldvt = Int32(k)
        var iwork = [Int32](repeating: 0, count: 8 * k)
        var info: Int32 = 0
        var jobz = Int8(UInt8(ascii: "S"))
        var query: Double = 0
        var lwork: Int32 = -1
        dgesdd_(&jobz, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &query, &lwork, &iwork, &info)
        guard info == 0 else { throw AdapterError.linearAlgebra(routine: "dgesdd (workspace query)", info: info) }
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: Int(lwork))
        dgesdd_(&jobz, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info)
        guard info == 0 else { throw AdapterError.linearAlgebra(routine: "dgesdd", info: info) }
        return (u, s, vt)
    }

    /// The thin QR factorisation of a column-major `Double` matrix [m, n], m ≥ n:
    /// Q [m, n] column-major with orthonormal columns and R [n, n] upper triangular, column-major.
    static func qrFactorization(columnMajor values: [Double], rows: Int, columns: Int) throws -> (q: [Double], r: [Double]) {
        precondition(rows >= columns)
        var a = values
        var m = Int32(rows), n = Int32(columns), lda = Int32(rows)
        var tau = [Double](repeating: 0, count: columns)
        var info: Int32 = 0
        var query: Double = 0
        var lwork: Int32 = -1
        dgeqrf_(&m, &n, &a, &lda, &tau, &query, &lwork, &info)
        lwork = max(1, Int32(query))
        var work = [Double](repeating: 0, count: Int(lwork))
        dgeqrf_(&m, &n, &a, &lda, &tau, &work, &lwork, &info)
        guard info == 0 else { throw AdapterError.linearAlgebra(routine: "dgeqrf", info: info) }
        var r = [Double](repeating: 0, count: columns * columns)
        for column in 0..<columns {
            for row in 0...column { r[column * columns + row] = a[column * rows + row] }
        }
        var k = n
        lwork = -1
        dorgqr_(&m, &n, &k, &a, &lda, &tau, &query, &lwork, &info)
        lwork = max(1, Int32(query))
        work = [Double](repeating: 0, count: Int(lwork))
        dorgqr_(&m, &n, &k, &a, &lda, &tau, &work, &lwork, &info)
        guard info == 0 else { throw AdapterError.linearAlgebra(routine: "dorgqr", info: info) }
        return (a, r)
    }
}
