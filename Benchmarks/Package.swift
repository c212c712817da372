// swift-tools-version:6.1
// Benchmarks live apart from the tests (a timing never decides whether a test
// passes). Run one with: cd Benchmarks && swift run -c release <Name> [options]
import PackageDescription

let package = Package(
    name: "evalrun-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "evalrun", path: "..")],
    targets: ["RegressionBenchmark", "SurvivalBenchmark", "MixedModelBenchmark", "ImportBenchmark"].map {
        .executableTarget(name: $0, dependencies: [.product(name: "Evaluation", package: "evalrun")])
    },
    swiftLanguageModes: [.v6]
)
