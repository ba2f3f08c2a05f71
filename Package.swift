// swift-tools-version:6.1
// Kankei: the survey-and-feedback pipeline. One library target per stage
// (ingest → normalize → tabulate → report; feedback writes into the matching core),
// a model target for the types that cross stages, and thin executables.
import Foundation
import PackageDescription

let package = Package(
    name: "Kankei",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kankei", targets: ["kankei"]),
        .executable(name: "kankei-ingest", targets: ["kankei-ingest"]),
        .executable(name: "kankei-normalize", targets: ["kankei-normalize"]),
        .executable(name: "kankei-tabulate", targets: ["kankei-tabulate"]),
        .executable(name: "kankei-report", targets: ["kankei-report"]),
        .executable(name: "kankei-feedback", targets: ["kankei-feedback"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        // C libraries (Debian packages; see README).
        .systemLibrary(name: "CCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // SHA-256's compression function, optimised even in debug builds (every inbox byte is hashed).
        .target(name: "CSHA256", cSettings: [.unsafeFlags(["-O2"])]),
        // The census of a large export's rows: libcsv's callbacks hash and count cells, in C and
        // optimised even in debug builds (see Sources/CCensus/include/kankei_census.h).
        .target(name: "CCensus", cSettings: [.unsafeFlags(["-O2"])], linkerSettings: [.linkedLibrary("csv")]),

        // Types that cross stages.
        .target(name: "KankeiModel", dependencies: [.product(name: "Yams", package: "Yams")]),

        // Stages.
        .target(name: "KankeiIngest", dependencies: [
            "KankeiModel", "CCSV", "CCensus", "CLibXML2", "CSHA256", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "KankeiNormalize", dependencies: ["KankeiModel", .product(name: "Yams", package: "Yams")]),
        .target(name: "KankeiTabulate", dependencies: ["KankeiModel"]),
        .target(name: "KankeiReport", dependencies: [
            "KankeiModel", .product(name: "Mustache", package: "swift-mustache"), .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "KankeiFeedback", dependencies: ["KankeiModel", "KankeiCore"]),

        // The matching core (workspace/core.sqlite) and the next matches it suggests.
        .target(name: "KankeiCore", dependencies: [
            "KankeiModel", "KankeiIngest", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "KankeiMatch", dependencies: ["KankeiModel", "KankeiCore"]),

        // The batch run over a workspace (inbox → archive / quarantine / reports).
        .target(name: "KankeiWorkspace", dependencies: [
            "KankeiModel", "KankeiIngest", "KankeiNormalize", "KankeiTabulate", "KankeiReport", "KankeiCore",
            "KankeiFeedback", "KankeiMatch", .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Thin executables.
        .executableTarget(name: "kankei", dependencies: [
            "KankeiWorkspace", "KankeiCore", "KankeiMatch", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "kankei-ingest", dependencies: [
            "KankeiIngest", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kankei-normalize", dependencies: [
            "KankeiNormalize", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kankei-tabulate", dependencies: [
            "KankeiTabulate", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kankei-report", dependencies: [
            "KankeiReport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kankei-feedback", dependencies: [
            "KankeiFeedback", "KankeiCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests.
        .testTarget(name: "KankeiIngestTests", dependencies: [
            "KankeiIngest", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "KankeiNormalizeTests", dependencies: ["KankeiNormalize", "KankeiIngest"], exclude: ["Fixtures"]),
        .testTarget(name: "KankeiTabulateTests", dependencies: ["KankeiTabulate"], exclude: ["Fixtures"]),
        .testTarget(name: "KankeiReportTests", dependencies: ["KankeiReport"], exclude: ["Fixtures"]),
        .testTarget(name: "KankeiCoreTests", dependencies: ["KankeiCore", "KankeiIngest"], exclude: ["Fixtures"]),
        .testTarget(name: "KankeiFeedbackTests", dependencies: ["KankeiFeedback", "KankeiCore", "KankeiIngest"]),
        .testTarget(name: "KankeiMatchTests", dependencies: ["KankeiMatch", "KankeiCore", "KankeiFeedback", "KankeiIngest"]),
        .testTarget(name: "KankeiEndToEndTests", dependencies: [
            "KankeiWorkspace", "KankeiCore", "KankeiIngest", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "GRDB", package: "GRDB.swift"), "kankei", "kankei-ingest",
            "kankei-normalize", "kankei-tabulate", "kankei-report", "kankei-feedback",
        ], exclude: ["Fixtures"]),
    ]
)

// libFuzzer targets for CSV and XML ingest, only when scripts/fuzz builds them
// (`KANKEI_FUZZ=1`, with `-sanitize=fuzzer,address`): they have no main of their own.
if ProcessInfo.processInfo.environment["KANKEI_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzSupport", dependencies: ["KankeiIngest", "KankeiModel"], path: "Fuzz/FuzzSupport"),
        .executableTarget(name: "kankei-fuzz-csv", dependencies: ["FuzzSupport"], path: "Fuzz/CSVIngest"),
        .executableTarget(name: "kankei-fuzz-xml", dependencies: ["FuzzSupport"], path: "Fuzz/XMLIngest"),
    ]
}
