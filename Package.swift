// swift-tools-version:6.2
import PackageDescription

// The project's own targets: a warning is a defect, so it fails the build (dependencies keep theirs).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

/// The files of datasets/demo that `evalrun demo` imports (DemoData.swift lists the same).
let demoFiles = [
    "attendance.csv", "confronto.csv", "esiti.csv", "esiti_confronto.csv", "gruppi.csv", "incontri.csv", "participants.csv",
    "questionnaires.csv", "servizi.csv",
]

let package = Package(
    name: "evalrun",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Evaluation", targets: ["Evaluation"]),
        .executable(name: "evalrun", targets: ["evalrun"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    // The layers of DESIGN §2, one target each; dependencies run only downward:
    //
    //   evalrun (CLI) → Evaluation (re-exports)
    //   Synthesis → Ingest
    //   Report → Indicators → Store → Ingest → EvaluationDomain
    //                  ↘ Statistics → LinearAlgebra → CLAPACK
    //   Report → CXLSXWriter (libxlsxwriter)
    //   Project (evalrun.toml) → EvaluationDomain
    targets: [
        // OpenBLAS (CBLAS) and LAPACKE, the only numerical back end; imported by LinearAlgebra alone.
        .systemLibrary(
            name: "CLAPACK",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // libxlsxwriter, which writes report.xlsx; imported by Report alone.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // Dates, codes (outcomes, waves, presence marks), instruments, file kinds and their
        // columns, the project configuration: the vocabulary every layer shares.
        .target(name: "EvaluationDomain", swiftSettings: strictSettings),
        // Column-major matrices over CBLAS and LAPACKE.
        .target(name: "LinearAlgebra", dependencies: ["CLAPACK"], swiftSettings: strictSettings),
        // Estimators on arrays and matrices; no domain, no files, no SQL.
        .target(name: "Statistics", dependencies: ["LinearAlgebra"], swiftSettings: strictSettings),
        // Reading (and writing) CSV exports and reading .xlsx workbooks: dialects, encodings,
        // typed row decoding.
        .target(
            name: "Ingest",
            dependencies: [
                "EvaluationDomain", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings),
        // evalrun.toml: reading and writing the project configuration.
        .target(
            name: "Project",
            dependencies: ["EvaluationDomain", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strictSettings),
        // SQLite: schema, all-or-nothing imports, snapshots for the indicators.
        .target(
            name: "Store",
            dependencies: [
                "EvaluationDomain", "Ingest",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        // Domain measures from a snapshot: reach, retention, wellbeing, re-employment, comparisons.
        .target(
            name: "Indicators", dependencies: ["EvaluationDomain", "LinearAlgebra", "Statistics", "Store"], swiftSettings: strictSettings),
        // Disclosure control, layout and language: Markdown, HTML, CSV, XLSX, JSON, SVG. Computes nothing statistical.
        .target(
            name: "Report",
            dependencies: [
                "EvaluationDomain", "Ingest", "Statistics", "Store", "Indicators", "CXLSXWriter",
                .product(name: "Plot", package: "Plot"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        // Synthetic programmes (evalrun synth, the demo data), written as exports.
        .target(name: "Synthesis", dependencies: ["EvaluationDomain", "Ingest", "Statistics"], swiftSettings: strictSettings),
        .target(
            name: "Evaluation",
            dependencies: [
                "EvaluationDomain", "LinearAlgebra", "Statistics", "Ingest", "Project", "Store", "Indicators", "Report",
                "Synthesis",
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "evalrun",
            dependencies: [
                "Evaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The demo exports, built into the executable so that `evalrun demo` runs anywhere:
            // Resources/demo links to datasets/demo, the one copy of them.
            resources: demoFiles.map { .embedInCode("Resources/demo/\($0)") },
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EvaluationTests",
            dependencies: [
                "Evaluation", .product(name: "Crypto", package: "swift-crypto"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
