// swift-tools-version:6.1
// libFuzzer targets for the CSV reader and the row decoders, apart from the
// main package so that its build carries no fuzzing flags. Build and run them
// with scripts/fuzz.sh SECONDS (from the repository root).
import Foundation
import PackageDescription

// A path dependency is named after its folder, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "evalrun-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [.target(name: "FuzzerDriver")]
        + ["FuzzCSVReader", "FuzzRowDecoders"].map {
            .executableTarget(name: $0, dependencies: ["FuzzerDriver", .product(name: "Evaluation", package: root)])
        },
    swiftLanguageModes: [.v6]
)
