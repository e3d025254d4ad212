// swift-tools-version:6.0
import PackageDescription

// The inference kernels are optimised in every configuration: unoptimised SIMD code runs
// about a hundred times slower, too slow for the parity tests in a debug `swift test`.
// On x86-64 they target AVX2/FMA/F16C (Haswell and later, x86-64-v3).
#if arch(x86_64)
let inferenceSwiftSettings: [SwiftSetting] = [.unsafeFlags(["-O", "-Xcc", "-march=haswell"])]
#else
let inferenceSwiftSettings: [SwiftSetting] = [.unsafeFlags(["-O"])]
#endif

let package = Package(
    name: "Proctor",
    products: [
        .executable(name: "proctor", targets: ["proctor"]),
        .library(name: "Metrics", targets: ["Metrics"]),
        .library(name: "Inference", targets: ["Inference"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Pure scoring functions: pass@k, intervals, text metrics.
        .target(name: "Metrics"),

        // Native CPU generation: GGUF reader, quantized kernels, byte-level BPE, Llama forward.
        .target(
            name: "Inference",
            swiftSettings: inferenceSwiftSettings),

        .executableTarget(
            name: "proctor",
            dependencies: [
                "Metrics",
                "Inference",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "TestSupport"]),
        .testTarget(
            name: "InferenceTests",
            dependencies: ["Inference", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: inferenceSwiftSettings),
    ]
)
