// Logistic regression with CR2 cluster-robust standard errors and
// Satterthwaite degrees of freedom for every coefficient.
//
//   cd Benchmarks && swift run -c release RegressionBenchmark \
//       [--rows 1000000] [--clusters 8000] [--covariates 20] [--runs 3] \
//       [--seed 20240601] [--csv PATH] [--no-csv] [--linear]
//
// With --linear the same data are fitted by OLS (a linear probability model)
// instead, to time CR2 + Satterthwaite for `lm`.
//
// The data are generated with a fixed seed and written to PATH (default
// data/logistic-cr2-<rows>-<clusters>.csv) so that the R and Python scripts in
// Scripts/ fit exactly the same numbers. Timings exclude data generation and
// CSV writing; each run fits the model by IRLS, computes the CR2 covariance
// and the Satterthwaite df, and builds the coefficient table.
import Evaluation
import Foundation

struct Options {
    var rows = 1_000_000
    var clusters = 8_000
    var covariates = 20
    var runs = 3
    var seed: UInt64 = 20_240_601
    var csv: String?
    var writeCSV = true
    var linear = false

    init(_ arguments: [String]) {
        var it = arguments.dropFirst().makeIterator()
        while let flag = it.next() {
            switch flag {
            case "--rows": rows = it.next().flatMap { Int($0) } ?? rows
            case "--clusters": clusters = it.next().flatMap { Int($0) } ?? clusters
            case "--covariates": covariates = it.next().flatMap { Int($0) } ?? covariates
            case "--runs": runs = it.next().flatMap { Int($0) } ?? runs
            case "--seed": seed = it.next().flatMap { UInt64($0) } ?? seed
            case "--csv": csv = it.next()
            case "--no-csv": writeCSV = false
            case "--linear": linear = true
            default: print("unknown option \(flag)")
            }
        }
    }
}

/// SplitMix64: a small, fully specified generator, so the data can be
/// regenerated anywhere from the seed.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }
    mutating func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
}

/// Rounds to 6 decimals, so that the value written as "%.6f" parses back to
/// the same double in R and Python.
func six(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }

struct Dataset {
    let cluster: [Int]
    let y: [Double]
    let x: [[Double]]  // covariates, without the intercept
}

/// Clusters of random size (each row drawn uniformly among G clusters); x1 a
/// cluster-level 0/1 attribute (like a group's composition), x2… alternately
/// normal and uniform observation-level covariates; a normal cluster effect
/// (sd 0.5) on the log-odds.
func generate(_ o: Options) -> Dataset {
    var rng = SplitMix64(state: o.seed)
    let level = (0..<o.clusters).map { _ in rng.uniform() < 0.5 ? 1.0 : 0.0 }
    let effect = (0..<o.clusters).map { _ in 0.5 * rng.normal() }
    let beta = (0..<o.covariates).map { k in k == 0 ? 0.5 : (k % 2 == 0 ? 0.1 : -0.1) }
    var cluster = [Int](repeating: 0, count: o.rows)
    var y = [Double](repeating: 0, count: o.rows)
    var x = [[Double]](repeating: [Double](repeating: 0, count: o.rows), count: o.covariates)
    for i in 0..<o.rows {
        let g = min(o.clusters - 1, Int(rng.uniform() * Double(o.clusters)))
        cluster[i] = g
        var eta = -1 + effect[g]
        for k in 0..<o.covariates {
            let value: Double
            if k == 0 {
                value = level[g]
            } else if k % 2 == 1 {
                value = six(rng.normal())
            } else {
                value = six(rng.uniform() * 2)
            }
            x[k][i] = value
            eta += beta[k] * value
        }
        y[i] = rng.uniform() < 1 / (1 + exp(-eta)) ? 1 : 0
    }
    return Dataset(cluster: cluster, y: y, x: x)
}

func writeCSV(_ data: Dataset, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    let header = (["cluster", "y"] + (1...data.x.count).map { "x\($0)" }).joined(separator: ",") + "\n"
    try handle.write(contentsOf: Data(header.utf8))
    var chunk = ""
    for i in 0..<data.y.count {
        chunk += "\(data.cluster[i]),\(Int(data.y[i]))"
        for column in data.x { chunk += "," + String(format: "%.6f", column[i]) }
        chunk += "\n"
        if i % 20_000 == 19_999 {
            try handle.write(contentsOf: Data(chunk.utf8))
            chunk = ""
        }
    }
    try handle.write(contentsOf: Data(chunk.utf8))
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

let options = Options(CommandLine.arguments)
print(
    "\(options.linear ? "linear" : "logistic") regression + CR2 + Satterthwaite: \(options.rows) rows, \(options.clusters) clusters, \(options.covariates) covariates + intercept"
)
let data = generate(options)
if options.writeCSV {
    let path = options.csv ?? "data/logistic-cr2-\(options.rows)-\(options.clusters).csv"
    try writeCSV(data, to: path)
    print("data written to \(path)")
}
let design = Matrix(columns: [[Double](repeating: 1, count: options.rows)] + data.x)
let terms = ["(Intercept)"] + (1...options.covariates).map { "x\($0)" }
let clusters = ClusterIndex(data.cluster)

let clock = ContinuousClock()
var totals: [Double] = []
var fits: [Double] = []
var cr2s: [Double] = []
var cr1s: [Double] = []
var table: CoefficientTable?
for run in 1...options.runs {
    let start = clock.now
    let fit: any RegressionFit
    let iterations: Int
    if options.linear {
        fit = try LinearRegression(design: design, response: data.y, terms: terms).fit()
        iterations = 0
    } else {
        let logistic = try LogisticRegression(design: design, response: data.y, terms: terms).fit()
        iterations = logistic.iterations
        fit = logistic
    }
    let fitted = clock.now
    let cr2 = try ClusterRobustCR2(fit, clusters: clusters)
    table = cr2.coefficientTable()
    let end = clock.now
    // For comparison with statsmodels' cov_type="cluster": CR1S and its table.
    let cr1 = try SandwichCovariance.clusterRobust(fit, clusters: clusters, adjustment: .cr1S)
    _ = CoefficientTable(
        terms: terms, estimates: fit.coefficients, covariance: cr1,
        degreesOfFreedom: .common(Double(clusters.count - 1)), method: .cr1S)
    let cr1End = clock.now
    fits.append(seconds(fitted - start))
    cr2s.append(seconds(end - fitted))
    cr1s.append(seconds(cr1End - end))
    totals.append(seconds(end - start))
    print(
        String(
            format: "run %d: total %.2f s (fit %.2f s, %d IRLS iterations, CR2 + df %.2f s); CR1S alone %.3f s", run, totals[run - 1],
            fits[run - 1], iterations, cr2s[run - 1], cr1s[run - 1]))
}
print(
    String(
        format: "median of %d runs: total %.2f s (fit %.2f s, CR2 + df %.2f s); fit + CR1S %.2f s", options.runs, median(totals),
        median(fits), median(cr2s), median(zip(fits, cr1s).map { $0 + $1 })))
if let table {
    print("term         estimate        SE(CR2)        df        p")
    for row in table.rows.prefix(4) {
        print(
            String(
                format: "%-10@ %12.6f %12.6f %9.2f %9.3g", row.term as NSString, row.estimate, row.standardError ?? .nan,
                row.degreesOfFreedom ?? .nan, row.pValue ?? .nan))
    }
}
