import ArgumentParser

/// `proctor bench`: speed measurements that print ratios against a peer run side by side.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Proctor's speed against a peer on this machine (use a release build).",
        subcommands: [BenchSandbox.self, BenchJudge.self, BenchText.self, BenchJSONLines.self])
}
