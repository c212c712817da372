/// A dense real matrix stored column-major in one contiguous `[Double]`,
/// the layout BLAS and LAPACK expect (leading dimension = `rows`).
///
/// Element (i, j) lives at `storage[i + j * rows]`. The type is a value type with
/// copy-on-write storage; arithmetic of matrix size goes through CBLAS
/// (see `Matrix+BLAS.swift`), factorizations through LAPACKE
/// (`Cholesky`, `QRDecomposition`, `SymmetricEigen`).
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Column-major elements; `storage.count == rows * columns`.
    public var storage: [Double]

    /// A `rows × columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over existing column-major storage.
    public init(rows: Int, columns: Int, columnMajor storage: [Double]) {
        precondition(storage.count == rows * columns, "storage size \(storage.count) ≠ \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A matrix from its columns (each of the same length).
    public init(columns: [[Double]]) {
        let rows = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rows }, "columns of unequal length")
        self.rows = rows
        self.columns = columns.count
        self.storage = columns.flatMap { $0 }
    }

    /// A matrix from its rows (each of the same length), as written on paper.
    public init(rows rowValues: [[Double]]) {
        let columns = rowValues.first?.count ?? 0
        precondition(rowValues.allSatisfy { $0.count == columns }, "rows of unequal length")
        self.init(rows: rowValues.count, columns: columns)
        for (i, row) in rowValues.enumerated() {
            for (j, value) in row.enumerated() { self[i, j] = value }
        }
    }

    /// The n × n identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// A square matrix with `values` on the diagonal.
    public static func diagonal(_ values: [Double]) -> Matrix {
        var m = Matrix(rows: values.count, columns: values.count)
        for (i, v) in values.enumerated() { m[i, i] = v }
        return m
    }

    /// Element (i, j), zero-based.
    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { storage[i + j * rows] }
        set { storage[i + j * rows] = newValue }
    }

    /// Whether the matrix is square.
    public var isSquare: Bool { rows == columns }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { self[i, $0] }
    }

    /// The main diagonal.
    public var diagonal: [Double] {
        (0..<min(rows, columns)).map { self[$0, $0] }
    }

    /// The rows whose indices are given, in that order (a gather, e.g. one cluster's rows).
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var m = Matrix(rows: indices.count, columns: columns)
        for j in 0..<columns {
            let base = j * rows
            let target = j * indices.count
            for (k, i) in indices.enumerated() { m.storage[target + k] = storage[base + i] }
        }
        return m
    }

    /// The columns whose indices are given, in that order.
    public func selectingColumns(_ indices: [Int]) -> Matrix {
        var values: [Double] = []
        values.reserveCapacity(rows * indices.count)
        for j in indices { values.append(contentsOf: storage[(j * rows)..<((j + 1) * rows)]) }
        return Matrix(rows: rows, columns: indices.count, columnMajor: values)
    }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { t.storage[j + i * columns] = storage[i + j * rows] }
        }
        return t
    }

    /// Copies the lower triangle onto the upper one (LAPACK's symmetric routines
    /// fill only one triangle).
    public mutating func symmetrizeFromLower() {
        precondition(isSquare)
        for j in 0..<columns {
            for i in (j + 1)..<rows { storage[j + i * rows] = storage[i + j * rows] }
        }
    }
}

extension Matrix: CustomStringConvertible {
    public var description: String {
        (0..<rows).map { i in (0..<columns).map { String(self[i, $0]) }.joined(separator: "\t") }
            .joined(separator: "\n")
    }
}
