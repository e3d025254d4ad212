import ArgumentParser

/// The `proctor` command: a thin shell over the library targets.
@main
struct Proctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proctor",
        abstract: "Tell whether a fine-tuned checkpoint is actually better.",
        discussion: """
            Proctor samples code from a model on the CPU, judges every candidate in a \
            kernel-enforced sandbox, and scores and reports the results with confidence intervals.
            """,
        version: "0.1.0",
        subcommands: [Eval.self, Problems.self, JudgeGroup.self, ReportCommand.self, ScoreText.self, Generate.self,
                      Serve.self, Merge.self, Exec.self, Doctor.self, Models.self, Bench.self])
}
