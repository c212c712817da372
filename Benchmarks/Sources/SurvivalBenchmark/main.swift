// Cox regression with cluster-robust SE on the benchmark data written by
// Scripts/cox_generate.R (1,000,000 rows, 8,000 clusters, integer-day times).
// Usage: swift run -c release SurvivalBenchmark [csv] [runs]
// Times the fit only (data already in memory), as the R and Python scripts do.
import Evaluation
import Foundation

let arguments = CommandLine.arguments
let path = arguments.count > 1 ? arguments[1] : "/tmp/cox_benchmark.csv"
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5

guard let data = FileManager.default.contents(atPath: path) else {
    print("cannot read \(path): run Rscript Benchmarks/Scripts/cox_generate.R first")
    exit(1)
}

// Minimal reader for this file only: numeric columns, quoted header.
var columns: [String: [Double]] = [:]
var names: [String] = []
data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
    let bytes = raw.bindMemory(to: UInt8.self)
    var lineStart = 0
    var values: [[Double]] = []
    var index = 0
    while index <= bytes.count {
        if index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
            if index > lineStart {
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), as: UTF8.self)
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                if names.isEmpty {
                    names = fields.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
                    values = names.map { _ in [] }
                    for k in values.indices { values[k].reserveCapacity(1_000_000) }
                } else {
                    for (k, field) in fields.enumerated() {
                        values[k].append(Double(field.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))) ?? .nan)
                    }
                }
            }
            lineStart = index + 1
        }
        index += 1
    }
    for (name, column) in zip(names, values) { columns[name] = column }
}

guard let t = columns["t"], let e = columns["e"], let g = columns["g"], let z = columns["z"],
    let x1 = columns["x1"], let x2 = columns["x2"], let x3 = columns["x3"]
else {
    print("expected columns t, e, g, z, x1, x2, x3")
    exit(1)
}
let event = e.map { $0 == 1 }
let cluster = g.map { Int($0) }
let covariates = Matrix(columns: [z, x1, x2, x3])
print("rows \(t.count), clusters \(Set(cluster).count), events \(event.filter { $0 }.count)")

var seconds: [Double] = []
var last: CoxFit?
for run in 1...runs {
    let clock = ContinuousClock()
    let start = clock.now
    let fit = try CoxRegression(time: t, event: event, covariates: covariates, cluster: cluster).fit()
    let elapsed = start.duration(to: clock.now)
    let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    seconds.append(s)
    last = fit
    print(String(format: "run %d: %.3f s", run, s))
}
let sorted = seconds.sorted()
let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
print(String(format: "median of %d runs: %.3f s", runs, median))
if let fit = last {
    print("iterations \(fit.iterations), loglik \(fit.initialLogLikelihood) -> \(fit.logLikelihood)")
    for (name, row) in zip(["z", "x1", "x2", "x3"], fit.coefficientTable()) {
        print(
            String(
                format: "%@  coef % .10f  se %.10f  robust se %.10f", name, row.estimate, row.standardError, row.robustStandardError ?? .nan
            ))
    }
}
