// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Proctor",
    products: [
        .executable(name: "proctor", targets: ["proctor"]),
        .library(name: "Metrics", targets: ["Metrics"]),
        .library(name: "JSONLines", targets: ["JSONLines"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Pure scoring functions: pass@k, intervals, text metrics.
        .target(name: "Metrics"),

        // Streaming JSON Lines on libjson-c.
        .systemLibrary(name: "CJSONC", pkgConfig: "json-c", providers: [.apt(["libjson-c-dev"])]),
        .target(name: "JSONLines", dependencies: ["CJSONC"]),

        // Scoring prediction files: reading, tables, comparisons, per-item output.
        .target(name: "TextScoring", dependencies: ["Metrics", "JSONLines"]),

        .executableTarget(
            name: "proctor",
            dependencies: [
                "Metrics",
                "JSONLines",
                "TextScoring",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Benchmark driver for bench/text_metrics.sh.
        .executableTarget(name: "proctor-bench", dependencies: ["Metrics", "JSONLines"]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "JSONLinesTests", dependencies: ["JSONLines", "TestSupport"]),
    ]
)
