// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Proctor",
    products: [
        .executable(name: "proctor", targets: ["proctor"]),
        .library(name: "Metrics", targets: ["Metrics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Pure scoring functions: pass@k, intervals, text metrics.
        .target(name: "Metrics"),

        .executableTarget(
            name: "proctor",
            dependencies: [
                "Metrics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "TestSupport"], exclude: ["Fixtures"]),
    ]
)
