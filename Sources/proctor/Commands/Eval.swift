import ArgumentParser
import Evaluation
import Foundation

/// `proctor eval`: checkpoints → samples → results → report, resumable, in one run directory.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate, judge and report for one or more checkpoints in one resumable run directory.",
        discussion: """
            Reads a JSON configuration (--config; format in the README's `eval` section) or flags; \
            flags given with --config override its values. The run directory (--out or the \
            configuration's "out") receives config.json, manifest.json (model/adapter SHA-256, \
            problem-set hash, sampling and judging settings, harness version, sandbox \
            protections, times), samples/<label>.jsonl, results/<label>.jsonl, and report.md, \
            report.html and report.json; merge checkpoints add merges/<label>/. A checkpoint's \
            "model" is a GGUF file, a Hugging Face folder, or a fetched catalog model's name \
            (`proctor models list`), read as its cached file.

            A checkpoint in the configuration file may carry "merge" instead of "adapter": \
            {"method": "ties", "adapters": ["code/", "math/"], "weights": [0.5, 0.5], \
            "density": 0.2} with `proctor merge`'s options (svd_rank, svd_clamp, majority_sign, \
            seed, dtype). The run merges them into merges/<label>/ once, before generating, and \
            applies the result like an adapter; --checkpoint flags take "adapter" only. \
            "interference": {"own": {"code": "coder", "agnews": "news"}} adds a table of every \
            checkpoint on every task (code's Pass@1, or a text set's headline metric) against \
            each task's own checkpoint (format in the README).

            Run the same command again after a crash or a kill and it continues: generation per \
            sample, judging per result. A changed setting that would make earlier samples or \
            results wrong (a checkpoint's model, adapter, merge inputs or options, temperature, \
            top_p, top_k, max_tokens, seed, prompt_style or extractor; the problem set; the judge's \
            time-limit factor) is \
            refused with the field's name; \
            --force-restart discards the run's files instead. Raising n, adding checkpoints or \
            changing workers is fine.

            Examples:
              proctor eval --config configs/demo.json --out runs/demo
              proctor eval --problems problems/ --limit 5 --n 2 --out runs/quick \\
                  --checkpoint label=greedy,model=smollm2.gguf,max_tokens=256 \\
                  --checkpoint label=t0.8,model=smollm2.gguf,temperature=0.8,top_p=0.95,max_tokens=256
              proctor eval --problems problems/ --limit 5 --out runs/qwen \\
                  --checkpoint label=qwen05,model=qwen2.5-coder-0.5b-instruct,max_tokens=384
            """)

    @Option(help: ArgumentHelp("The JSON configuration file.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The run directory.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("The problem set: a folder, a problem folder, or a LiveCodeBench/HumanEval JSONL.",
                               valueName: "path"))
    var problems: String?

    @Option(help: "Only the first N problems (after the other filters).")
    var limit: Int?

    @Option(help: ArgumentHelp("Only these problem ids, comma-separated.", valueName: "ids"))
    var ids: String?

    @Option(help: ArgumentHelp("Only these difficulties, comma-separated (easy, medium, hard).", valueName: "list"))
    var difficulty: String?

    @Option(help: ArgumentHelp("A checkpoint, key=value pairs: label, model, adapter, temperature, top_p, top_k, max_tokens, "
        + "seed, prompt_style (auto, chat, raw), extractor (auto, last-fence, first-python, none). Repeat for more; the first is the baseline. Replaces the configuration's checkpoints. A merge checkpoint "
        + "needs --config (its options do not fit a flag).", valueName: "spec"))
    var checkpoint: [String] = []

    @Option(help: "Samples per problem and checkpoint.")
    var n: Int?

    @Option(help: ArgumentHelp("Candidates judged at once.", valueName: "N"))
    var workers: Int?

    @Option(help: ArgumentHelp("Multiply every problem's time limit by this factor.", valueName: "x"))
    var timeLimitFactor: Double?

    @Option(help: ArgumentHelp("Threads for the model's matrix products.", valueName: "N"))
    var threads: Int?

    @Option(help: ArgumentHelp("Samples decoded at once across problems (default 8; the config's parallel). Outputs do not depend on it.", valueName: "N"))
    var parallel: Int?

    @Flag(help: "Discard the run directory's samples, results and reports and start again.")
    var forceRestart = false

    func validate() throws {
        if config == nil {
            if problems == nil { throw ValidationError("give --config, or --problems with --checkpoint and --out") }
            if checkpoint.isEmpty { throw ValidationError("give at least one --checkpoint (or --config)") }
            if out == nil { throw ValidationError("give --out, the run directory") }
        }
        if let n, n < 1 { throw ValidationError("--n must be at least 1") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let parallel, parallel < 1 { throw ValidationError("--parallel must be at least 1") }
        if let timeLimitFactor, timeLimitFactor <= 0 { throw ValidationError("--time-limit-factor must be positive") }
    }

    func run() throws {
        do {
            let settings = try effectiveConfig()
            guard let outPath = settings.out else { throw ValidationError("give --out or \"out\" in the configuration") }
            let directory = RunDirectory(outPath)
            let progress = StageProgress()
            let outcome = try EvalPipeline(config: settings, directory: directory)
                .run(forceRestart: forceRestart) { progress.update($0) }
            for problem in outcome.skippedProblems { warn("skipped a problem: \(problem)") }
            warn("generated \(outcome.generated) samples and judged \(outcome.judged) in this invocation")
            print("report: \(directory.reportMarkdown)")
            print("        \(directory.reportHTML)")
            print("        \(directory.reportJSON)")
        } catch let error as EvaluationError {
            throw CommandFailure(error.description)
        }
    }

    /// The configuration file (if any) with the flags applied over it.
    func effectiveConfig() throws -> EvalConfig {
        var settings: EvalConfig
        if let config {
            settings = try EvalConfig.load(config)
            if let problems { settings.problems.path = absolute(problems) }
            if !checkpoint.isEmpty { settings.checkpoints = try checkpoint.map { try CheckpointSpec(flag: $0) } }
        } else {
            settings = EvalConfig(problems: ProblemSelection(path: absolute(problems!)),
                                  checkpoints: try checkpoint.map { try CheckpointSpec(flag: $0) })
        }
        if let limit { settings.problems.limit = limit }
        if let ids { settings.problems.ids = ids.split(separator: ",").map(String.init) }
        if let difficulty { settings.problems.difficulties = difficulty.split(separator: ",").map(String.init) }
        if let n { settings.samplesPerProblem = n }
        if let workers { settings.judge.workers = workers }
        if let timeLimitFactor { settings.judge.timeLimitFactor = timeLimitFactor }
        if let threads { settings.threads = threads }
        if let parallel { settings.parallel = parallel }
        if let out { settings.out = absolute(out) }
        try settings.validate(file: config)
        return settings
    }

    private func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }
}
