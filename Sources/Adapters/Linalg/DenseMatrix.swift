import COpenBLAS

/// A dense row-major `Float` matrix: element (i, j) at `values[i * columns + j]`.
public struct DenseMatrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The elements, row after row.  // [rows, columns]
    public var values: [Float]

    /// A matrix holding `values`, which must have `rows * columns` elements.
    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "a \(rows)×\(columns) matrix needs \(rows * columns) values")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The zero matrix.
    public init(zeros rows: Int, _ columns: Int) {
        self.init(rows: rows, columns: columns, values: [Float](repeating: 0, count: rows * columns))
    }

    /// The extents as a tensor shape, `[rows, columns]`.
    public var shape: [Int] { [rows, columns] }

    /// `scale · self · other` on OpenBLAS sgemm.  // [rows, other.columns]
    public func multiplied(by other: DenseMatrix, scale: Float = 1) -> DenseMatrix {
        precondition(columns == other.rows, "cannot multiply \(shape) by \(other.shape)")
        var result = DenseMatrix(zeros: rows, other.columns)
        guard rows > 0, other.columns > 0, columns > 0 else { return result }
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                result.values.withUnsafeMutableBufferPointer { c in
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans,
                                Int32(rows), Int32(other.columns), Int32(columns), scale,
                                a.baseAddress, Int32(columns), b.baseAddress, Int32(other.columns),
                                0, c.baseAddress, Int32(other.columns))
                }
            }
        }
        return result
    }

    /// Every element multiplied by `factor`.
    public func scaled(by factor: Float) -> DenseMatrix {
        DenseMatrix(rows: rows, columns: columns, values: values.map { $0 * factor })
    }

    /// Rows `range` (a contiguous block of the buffer).
    public func rows(_ range: Range<Int>) -> DenseMatrix {
        DenseMatrix(rows: range.count, columns: columns, values: Array(values[range.lowerBound * columns..<range.upperBound * columns]))
    }

    /// Columns `range`, copied row by row.
    public func columns(_ range: Range<Int>) -> DenseMatrix {
        var result: [Float] = []
        result.reserveCapacity(rows * range.count)
        for row in 0..<rows {
            result.append(contentsOf: values[row * columns + range.lowerBound..<row * columns + range.upperBound])
        }
        return DenseMatrix(rows: rows, columns: range.count, values: result)
    }

    /// The matrices' rows stacked in order (`torch.cat(dim=0)`).
    public static func stackingRows(_ parts: [DenseMatrix], columns: Int) -> DenseMatrix {
        precondition(parts.allSatisfy { $0.columns == columns })
        return DenseMatrix(rows: parts.reduce(0) { $0 + $1.rows }, columns: columns, values: parts.flatMap(\.values))
    }

    /// The matrices side by side (`torch.cat(dim=1)`).
    public static func stackingColumns(_ parts: [DenseMatrix], rows: Int) -> DenseMatrix {
        precondition(parts.allSatisfy { $0.rows == rows })
        let columns = parts.reduce(0) { $0 + $1.columns }
        var values: [Float] = []
        values.reserveCapacity(rows * columns)
        for row in 0..<rows {
            for part in parts {
                values.append(contentsOf: part.values[row * part.columns..<(row + 1) * part.columns])
            }
        }
        return DenseMatrix(rows: rows, columns: columns, values: values)
    }

    /// This matrix padded with zero rows and columns to `rows × columns` (a merge's fixed rank).
    public func padded(rows newRows: Int, columns newColumns: Int) -> DenseMatrix {
        precondition(newRows >= rows && newColumns >= columns)
        if newRows == rows && newColumns == columns { return self }
        var result = DenseMatrix(zeros: newRows, newColumns)
        for row in 0..<rows {
            for column in 0..<columns { result.values[row * newColumns + column] = values[row * columns + column] }
        }
        return result
    }

    /// The transpose.
    public func transposed() -> DenseMatrix {
        var result = DenseMatrix(zeros: columns, rows)
        for row in 0..<rows {
            for column in 0..<columns { result.values[column * rows + row] = values[row * columns + column] }
        }
        return result
    }
}
