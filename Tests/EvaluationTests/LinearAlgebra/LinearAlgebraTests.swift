import Evaluation
import Foundation
import Testing

@testable import LinearAlgebra

@Suite("LinearAlgebra")
struct LinearAlgebraTests {
    let a = Matrix(rows: [[4, 2, 0.6], [2, 5, 1], [0.6, 1, 3]])

    @Test("gemm, gemv and syrk agree with hand products")
    func products() {
        let x = Matrix(rows: [[1, 2], [3, 4], [5, 6]])
        let xtx = x.gram()
        #expect(xtx == Matrix(rows: [[35, 44], [44, 56]]))
        #expect(Matrix.product(x, .transposed, x, .none) == xtx)
        #expect(x.outerGram() == x * x.transposed)
        #expect(x.times([1, -1]) == [-1, -1, -1])
        #expect(x.times([1, 1, 1], .transposed) == [9, 12])
        expectClose(x.weightedGram([1, 0, 2]).storage, [51, 62, 62, 76], rtol: 1e-14)
        #expect(Vector.dot([1, 2, 3], [4, 5, 6]) == 32)
    }

    @Test("Cholesky solves, inverts and gives the log-determinant")
    func cholesky() throws {
        let chol = try Cholesky(a)
        let inverse = try chol.inverse()
        let identity = a * inverse
        for i in 0..<3 { for j in 0..<3 { expectClose(identity[i, j], i == j ? 1 : 0, atol: 1e-14) } }
        let x = try chol.solve([1, 2, 3])
        expectClose(a.times(x), [1, 2, 3], rtol: 1e-13)
        // det = 4(15 − 1) − 2(6 − 0.6) + 0.6(2 − 3) = 44.6
        expectClose(chol.logDeterminant, log(44.6), rtol: 1e-13)
    }

    @Test("Cholesky of an indefinite matrix throws, never crashes")
    func notPositiveDefinite() {
        #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 2)) {
            try Cholesky(Matrix(rows: [[1, 2], [2, 1]]))
        }
    }

    @Test("QR least squares matches the normal equations; a singular design is detected")
    func qr() throws {
        let x = Matrix(rows: [[1, 1], [1, 2], [1, 3], [1, 4]])
        let y = [6.0, 5, 7, 10]
        let qr = try QRDecomposition(x)
        #expect(qr.rank == 2)
        // lm(y ~ x): intercept 3.5, slope 1.4
        expectClose(try qr.solve(y), [3.5, 1.4], rtol: 1e-13)
        let inverse = try qr.inverseGram()
        // (XᵀX)⁻¹ = [[1.5, −0.5], [−0.5, 0.2]]
        expectClose(inverse.storage, [1.5, -0.5, -0.5, 0.2], rtol: 1e-12)
        let q = try qr.thinQ()
        let qtq = q.gram()
        for i in 0..<2 { for j in 0..<2 { expectClose(qtq[i, j], i == j ? 1 : 0, atol: 1e-14) } }

        let singular = Matrix(rows: [[1, 2, 3], [1, 4, 5], [1, 6, 7], [1, 8, 9]])
        let sqr = try QRDecomposition(singular)
        #expect(sqr.rank == 2)
        #expect(sqr.aliasedColumns.count == 1)
        #expect(throws: LinearAlgebraError.singular(rank: 2, columns: 3)) { try sqr.solve(y) }
    }

    @Test("symmetric eigen reconstructs the matrix and its inverse square root")
    func eigen() throws {
        let e = try SymmetricEigen(a)
        #expect(e.values == e.values.sorted())
        let rebuilt = e.applying { $0 }
        expectClose(rebuilt.storage, a.storage, rtol: 1e-13)
        let r = e.inverseSquareRoot()
        let product = r * a * r
        for i in 0..<3 { for j in 0..<3 { expectClose(product[i, j], i == j ? 1 : 0, atol: 1e-13) } }
    }

    @Test("empty and 1×1 matrices are handled")
    func degenerate() throws {
        let empty = Matrix(rows: 0, columns: 0)
        #expect(try Cholesky(empty).inverse() == empty)
        #expect(try Cholesky(Matrix(rows: [[4]])).inverse() == Matrix(rows: [[0.25]]))
        #expect(Matrix(rows: 3, columns: 0).gram() == empty)
    }
}
