// swift-tools-version:6.1
// Benchmarks live apart from the tests (a timing never decides whether a test
// passes). Run one with: cd Benchmarks && swift run -c release <Name> [options]
import Foundation
import PackageDescription

// A path dependency is named after its folder, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "evalrun-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: ["RegressionBenchmark", "SurvivalBenchmark", "MixedModelBenchmark", "ImportBenchmark"].map {
        .executableTarget(name: $0, dependencies: [.product(name: "Evaluation", package: root)])
    },
    swiftLanguageModes: [.v6]
)
