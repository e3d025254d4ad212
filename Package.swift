// swift-tools-version:6.0
import PackageDescription

// The inference kernels are optimised in every configuration: unoptimised SIMD code runs
// about a hundred times slower, too slow for the parity tests in a debug `swift test`.
// On x86-64 they target AVX2/FMA/F16C (Haswell and later, x86-64-v3).
#if arch(x86_64)
let inferenceSwiftSettings: [SwiftSetting] = [.unsafeFlags(["-O", "-Xcc", "-march=haswell"])]
// The C kernels: optimised always, AVX2/FMA/F16C paths on x86-64, and no fused multiply-adds
// the source does not ask for (the reference dequantizers must round as gguf-py does).
let kernelCSettings: [CSetting] = [.unsafeFlags(["-O3", "-mavx2", "-mfma", "-mf16c", "-ffp-contract=off"])]
#else
let inferenceSwiftSettings: [SwiftSetting] = [.unsafeFlags(["-O"])]
let kernelCSettings: [CSetting] = [.unsafeFlags(["-O3", "-ffp-contract=off"])]
#endif

let package = Package(
    name: "Proctor",
    products: [
        .executable(name: "proctor", targets: ["proctor"]),
        .library(name: "Sandbox", targets: ["Sandbox"]),
        // The C shim once more as a shared object, for the fork server's children to confine themselves
        // with (built beside the binary: libCSandboxShared.so).
        .library(name: "CSandboxShared", type: .dynamic, targets: ["CSandbox"]),
        .library(name: "Judge", targets: ["Judge"]),
        .library(name: "Metrics", targets: ["Metrics"]),
        .library(name: "JSONLines", targets: ["JSONLines"]),
        .library(name: "Inference", targets: ["Inference"]),
        .library(name: "Adapters", targets: ["Adapters"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        // System libraries, installed by scripts/setup.sh from Debian's -dev packages.
        .systemLibrary(
            name: "CSeccomp", pkgConfig: "libseccomp",
            providers: [.apt(["libseccomp-dev"])]),

        // The fork/exec shim and the confinement sequence: raw syscalls between fork and exec, nothing else.
        .target(name: "CSandbox"),
        // Sandbox policy, limits, supervision and the run result.
        .target(name: "Sandbox", dependencies: ["CSandbox", "CSeccomp"]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Problems, checkers, verdicts, judging candidates in the sandbox, result files.
        .target(name: "Judge", dependencies: ["Sandbox", "Metrics", "CZlib", "JSONLines"]),
        // Tables and pages: per-problem pass/fail, comparisons with p-values, Markdown/CSV/JSON.
        .target(name: "Reports", dependencies: ["Judge", "Metrics"]),
        // Pure scoring functions: pass@k, intervals, text metrics.
        .target(name: "Metrics", dependencies: ["SeededRandom"]),
        // The one seeded random generator (sampling, bootstrap, DARE masks).
        .target(name: "SeededRandom"),

        // Streaming JSON Lines on libjson-c.
        .systemLibrary(name: "CJSONC", pkgConfig: "json-c", providers: [.apt(["libjson-c-dev"])]),
        .target(name: "JSONLines", dependencies: ["CJSONC"]),

        // Scoring prediction files by task: reading, tables, comparisons, per-item output, the ROUGE benchmark.
        .target(name: "TextScoring", dependencies: ["Metrics", "JSONLines"]),

        // Quantized matrix kernels in C with AVX2 intrinsics: ggml's block formats, a scalar
        // reference beside every SIMD dot product, activation quantizers. C because the integer
        // SIMD these need (vpmaddubsw, vpsignb, vpshufb) has no portable Swift spelling.
        .target(name: "CKernels", cSettings: kernelCSettings),
        // Native CPU generation: GGUF and safetensors readers, byte-level BPE, the forward pass.
        .target(
            name: "Inference",
            dependencies: ["CKernels", "SeededRandom"],
            swiftSettings: inferenceSwiftSettings),

        // OpenBLAS (CBLAS and LAPACK) for the adapter merge's products and SVDs.
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // PEFT LoRA adapters: config and tensors, validation against a base, merging, writing.
        .target(
            name: "Adapters",
            dependencies: ["Inference", "COpenBLAS", "SeededRandom"],
            swiftSettings: inferenceSwiftSettings),

        // Pipelines across roles: sampling a problem set into a samples file; `proctor eval`
        // (checkpoints → samples → results → report in one resumable run directory).
        // The samples stage shared by the native and remote generators: settings, the seed rule,
        // the typed samples line and the samples file (one writer, fsync, resume).
        .target(name: "Samples", dependencies: ["Inference", "Judge", "JSONLines"]),

        .target(name: "Evaluation", dependencies: ["Inference", "Adapters", "Judge", "Samples", "Sandbox", "Reports", "Metrics", "TextScoring", "JSONLines", "OpenAIWire"],
                swiftSettings: [.unsafeFlags(["-O"])]),

        // The OpenAI-compatible wire format (requests, answers, errors), shared by the client and the server.
        .target(name: "OpenAIWire"),

        // OpenAI-compatible generation: an HTTP client with retries, remote sampling of a problem set.
        .target(name: "Remote", dependencies: ["OpenAIWire", "Samples", "Inference", "Judge"]),

        // `proctor serve`: the native engine behind an OpenAI-compatible HTTP endpoint.
        .target(
            name: "Serving",
            dependencies: [
                "Inference", "OpenAIWire",
                // swift-metrics (under Hummingbird) has a target named Metrics too; Proctor keeps its name.
                .product(name: "Hummingbird", package: "hummingbird", moduleAliases: ["Metrics": "SwiftMetrics"]),
            ]),

        // `proctor judge serve`: the judge behind an HTTP endpoint (queue, limits, API key).
        .target(
            name: "JudgeService",
            dependencies: [
                "Judge", "OpenAIWire",
                .product(name: "Hummingbird", package: "hummingbird", moduleAliases: ["Metrics": "SwiftMetrics"]),
            ]),

        .executableTarget(
            name: "proctor",
            dependencies: [
                "Sandbox", "Judge", "Reports", "Metrics", "JSONLines", "TextScoring", "Inference", "Samples", "Evaluation",
                "Adapters", "Remote", "Serving", "OpenAIWire", "JudgeService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "CSandbox", "TestSupport"], exclude: ["Hostile"]),
        .testTarget(name: "JudgeTests", dependencies: ["Judge", "Reports", "Metrics", "Sandbox", "TestSupport"],
                    exclude: ["Fixtures", "HostileLanguages"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Samples", "Adapters", "Inference", "Judge", "Reports", "Metrics", "Sandbox", "TestSupport"]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "JSONLinesTests", dependencies: ["JSONLines", "TestSupport"]),
        // Runs the built `proctor score-text` on the example files in its Fixtures folder.
        .testTarget(name: "ScoreTextTests", dependencies: ["TestSupport"], exclude: ["Fixtures"]),
        // Runs the built `proctor generate --backend openai` against `proctor serve` and a scripted fault server.
        .testTarget(name: "RemoteTests", dependencies: ["Remote", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "InferenceTests",
            dependencies: ["Inference", "CKernels", "SeededRandom", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: inferenceSwiftSettings),
        .testTarget(
            name: "AdaptersTests",
            dependencies: ["Adapters", "Inference", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: inferenceSwiftSettings),
    ]
)
