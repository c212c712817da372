// Random-intercept linear mixed model fitted by REML, as
// lme4::lmer(y ~ x1 + x2 + x3 + (1 | g), REML = TRUE).
//
//   cd Benchmarks && swift run -c release MixedModelBenchmark \
//       [--rows 1000000] [--groups 8000] [--runs 3] [--seed 20240601] [--csv PATH] [--no-csv]
//
// The data are generated from the seed by the library's Xoshiro256StarStar
// (so anyone can regenerate them) and written to PATH (default
// data/mixed-<rows>-<groups>.csv) for Scripts/mixed_lmer.R and
// Scripts/mixed_statsmodels.py. Values are rounded to 6 decimals, so the CSV
// parses back to exactly the doubles fitted here. Timings exclude generation
// and writing; each run builds the model from the arrays and fits it.
import Evaluation
import Foundation

struct Options {
    var rows = 1_000_000
    var groups = 8_000
    var runs = 3
    var seed: UInt64 = 20_240_601
    var csv: String?
    var writeCSV = true

    init(_ arguments: [String]) {
        var it = arguments.dropFirst().makeIterator()
        while let flag = it.next() {
            switch flag {
            case "--rows": rows = it.next().flatMap { Int($0) } ?? rows
            case "--groups": groups = it.next().flatMap { Int($0) } ?? groups
            case "--runs": runs = it.next().flatMap { Int($0) } ?? runs
            case "--seed": seed = it.next().flatMap { UInt64($0) } ?? seed
            case "--csv": csv = it.next()
            case "--no-csv": writeCSV = false
            default: print("unknown option \(flag)")
            }
        }
    }
}

/// Rounds to 6 decimals, so that the value written as "%.6f" parses back to
/// the same double in R and Python.
func six(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }

extension Xoshiro256StarStar {
    /// A standard normal draw by Box–Muller (one of the pair).
    mutating func normal() -> Double {
        let u = 1 - nextUniform()  // (0, 1]
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * nextUniform())
    }
}

struct Dataset {
    let group: [Int]
    let y: [Double]
    let x: [[Double]]
}

/// Each row falls in one of G groups uniformly (group sizes vary around n/G);
/// x1 is a group-level 0/1 attribute (like a group's composition), x2 normal,
/// x3 uniform; y = 1 + 0.5·x1 + 0.3·x2 − 0.2·x3 + b_g + ε with b_g ~ N(0, 0.7²)
/// and ε ~ N(0, 1.5²).
func generate(_ o: Options) -> Dataset {
    var rng = Xoshiro256StarStar(seed: o.seed)
    let level = (0..<o.groups).map { _ in rng.nextUniform() < 0.5 ? 1.0 : 0.0 }
    let effect = (0..<o.groups).map { _ in 0.7 * rng.normal() }
    var group = [Int](repeating: 0, count: o.rows)
    var y = group.map(Double.init), x1 = y, x2 = y, x3 = y
    for i in 0..<o.rows {
        let g = rng.nextIndex(o.groups)
        group[i] = g + 1
        x1[i] = level[g]
        x2[i] = six(rng.normal())
        x3[i] = six(rng.nextUniform())
        y[i] = six(1 + 0.5 * x1[i] + 0.3 * x2[i] - 0.2 * x3[i] + effect[g] + 1.5 * rng.normal())
    }
    return Dataset(group: group, y: y, x: [x1, x2, x3])
}

func write(_ data: Dataset, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    var text = "g,y,x1,x2,x3\n"
    text.reserveCapacity(data.y.count * 48)
    for i in data.y.indices {
        text += "\(data.group[i]),\(String(format: "%.6f", data.y[i])),\(Int(data.x[0][i])),"
        text += "\(String(format: "%.6f", data.x[1][i])),\(String(format: "%.6f", data.x[2][i]))\n"
    }
    try text.write(to: url, atomically: true, encoding: .utf8)
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

let options = Options(CommandLine.arguments)
let data = generate(options)
if options.writeCSV {
    let path = options.csv ?? "data/mixed-\(options.rows)-\(options.groups).csv"
    try write(data, to: path)
    print("data written to \(path)")
}
let design = Matrix(columns: [[Double](repeating: 1, count: options.rows)] + data.x)
var times: [Double] = []
var last: RandomInterceptFit?
for run in 1...options.runs {
    let start = DispatchTime.now().uptimeNanoseconds
    let model = try RandomInterceptModel(
        response: data.y, design: design, groups: data.group, termNames: ["(Intercept)", "x1", "x2", "x3"])
    let fit = try model.fit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    times.append(seconds)
    last = fit
    print(String(format: "run %d: %.3f s", run, seconds))
}
// Where the time goes: validation (model init) and the rank check alone.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
let initTime = median(
    try (0..<options.runs).map { _ in
        try seconds { _ = try RandomInterceptModel(response: data.y, design: design, groups: data.group) }
    })
let qrTime = median(try (0..<options.runs).map { _ in try seconds { _ = try QRDecomposition(design) } })
print(String(format: "of which: validation (init) %.3f s, rank check (pivoted QR of X) %.3f s", initTime, qrTime))
if let fit = last {
    print("rows \(options.rows), groups \(fit.groupCount), evaluations \(fit.evaluations)")
    for (k, name) in fit.termNames.enumerated() {
        let padded = name.padding(toLength: 12, withPad: " ", startingAt: 0)
        print(padded + String(format: " % .9f  SE %.9f", fit.coefficients[k], fit.standardErrors[k]))
    }
    print(String(format: "theta %.10f  sd_group %.9f  sd_residual %.9f  ICC %.9f", fit.theta, fit.sdGroup, fit.sdResidual, fit.icc))
    print(String(format: "REML criterion %.6f", fit.remlCriterion))
}
print(String(format: "Swift median of %d: %.3f s", times.count, median(times)))
