#!/usr/bin/env bash
# Measures the CSV layer's throughput on a generated attendance file
# (1,000,000 rows like `G001;P00001;3;1`), release build.
#
# Usage: scripts/bench-csv.sh [rows]
#
# The measurement runs from a throw-away package in a temporary directory that
# depends on this one by path, so the package itself gains no target. Timings
# never decide whether a test passes: they are printed, not checked.
set -euo pipefail

rows="${1:-1000000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
identity="$(basename "$root" | tr '[:upper:]' '[:lower:]')"
work="${BENCH_DIR:-${TMPDIR:-/tmp}/evalrun-csv-bench}"
mkdir -p "$work/Sources/CSVThroughput"

cat > "$work/Package.swift" <<SWIFT
// swift-tools-version:6.1
import PackageDescription
let package = Package(
    name: "csv-throughput",
    dependencies: [.package(path: "$root")],
    targets: [
        .executableTarget(
            name: "CSVThroughput",
            dependencies: [.product(name: "Evaluation", package: "$identity")])
    ]
)
SWIFT

cat > "$work/Sources/CSVThroughput/main.swift" <<'SWIFT'
import Evaluation
import Foundation

let arguments = CommandLine.arguments
let path = arguments[1]
let repeats = 5

func measure(_ label: String, _ body: () throws -> Int) rethrows {
    var best = Double.infinity
    var rows = 0
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        rows = try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        best = min(best, seconds)
    }
    let rate = Double(rows) / best
    print("\(label): \(rows) rows in \(String(format: "%.3f", best)) s = \(String(format: "%.2f", rate / 1e6)) M rows/s (best of \(repeats))")
}

let source = try CSVSource.open(path: path)
print("dialect: \(source.dialect); header: \(source.header)")
var dataRows = 0
var noProblems = ProblemList()
try source.forEachRecord(problems: &noProblems) { _ in dataRows += 1 }

// open(): SHA-256, UTF-8 validation, NUL and line-ending scan, sniffing, header.
try measure("open (first pass)          ") {
    _ = try CSVSource.open(path: path)
    return dataRows
}

// Records only: the scanner and the callback, fields untouched.
try measure("records, fields untouched  ") {
    var problems = ProblemList()
    var count = 0
    try source.forEachRecord(problems: &problems) { _ in count += 1 }
    return count
}

// What a decoder does: check blanks, parse the two integer columns from raw bytes.
let numbers = NumberParser(dialect: source.dialect)
try measure("records + 2 integers parsed") {
    var problems = ProblemList()
    var count = 0
    var sum = 0
    try source.forEachRecord(problems: &problems) { row in
        if !row.isEmpty(0) && !row.isEmpty(1) {
            sum &+= (try numbers.integer(bytes: row.rawBytes(2))) ?? 0
            sum &+= (try numbers.integer(bytes: row.rawBytes(3))) ?? 0
        }
        count += 1
    }
    precondition(sum > 0)
    return count
}

// Strings for the two identifier columns, as a decoder keying on them would.
try measure("records + all 4 as String  ") {
    var problems = ProblemList()
    var count = 0
    try source.forEachRecord(problems: &problems) { row in
        for index in 0..<row.count { count &+= row.value(index).utf8.count > 0 ? 0 : 1 }
        count += 1
    }
    return count
}

// Both passes, as an import does them.
try measure("open + records (end to end)") {
    let source = try CSVSource.open(path: path)
    var problems = ProblemList()
    var count = 0
    try source.forEachRecord(problems: &problems) { row in
        count += row.isEmpty(0) ? 0 : 1
    }
    return count
}
SWIFT

data="$work/attendance.csv"
if [ ! -f "$data" ] || [ "$(wc -l < "$data")" -ne "$((rows + 1))" ]; then
    awk -v rows="$rows" 'BEGIN {
        printf "group_id;participant_id;session_no;present\r\n"
        for (i = 0; i < rows; i++) {
            printf "G%03d;P%05d;%d;%d\r\n", (i % 100) + 1, (i % 15000) + 1, (i % 18) + 1, (i % 4 != 0)
        }
    }' > "$data"
fi
echo "file: $data ($(wc -c < "$data") bytes, $rows data rows)"

cd "$work"
swift build -c release --product CSVThroughput 2>&1 | grep -E "error|warning: .*Ingest|Compiling Evaluation|Build complete" || true
"$work/.build/release/CSVThroughput" "$data"
