import ArgumentParser
import Foundation
import Judge
import Metrics

/// `proctor judge`: `run` (the default) or `serve`.
struct JudgeGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Judge model samples in the sandbox and write a results file, or serve the judge over HTTP.",
        discussion: """
            `proctor judge --problems … --samples … --out …` is `proctor judge run`; see \
            `proctor judge run --help` for the sample formats, languages, verdicts and options. \
            `proctor judge serve` answers judging requests over HTTP.
            """,
        subcommands: [JudgeCommand.self, JudgeServe.self], defaultSubcommand: JudgeCommand.self)
}

/// `proctor judge run`: run every sample against its problem's tests, writing results as it goes.
struct JudgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Judge model samples in the sandbox and write a results file (the default: `proctor judge …`).",
        discussion: """
            Samples may be Proctor's JSONL (problem_id, checkpoint, sample_index, code or output, and \
            optionally language), \
            human-eval's JSONL (task_id, completion) or LiveCodeBench's custom-evaluator JSON \
            ([{question_id, code_list}]). Raw outputs (an output field without code) are reduced to \
            code with --extractor: auto (the default) takes the fenced block defining a function \
            problem's entry point, else the block a prefilled or completion output began in, else \
            the last ```python block, else the last fenced block, else the whole output.

            Each result is appended to --out and flushed to disk as soon as it is known, so a killed \
            run loses at most the samples being judged; --resume skips the samples already there. \
            --shard i/N judges every N-th sample starting at i (0-based), for a Slurm array \
            (--shard $SLURM_ARRAY_TASK_ID/N) or a Kubernetes indexed Job (--shard $JOB_COMPLETION_INDEX/N); \
            `proctor report` merges the shards.

            Standard-input problems are judged in the sample's language: its `language` field, else \
            --language, else the language its code fence names (```cpp), else Python. Languages: python, \
            c, cpp17, cpp20, java, go, rust, javascript (aliases such as c++, js, rs, golang). A compiled \
            language is compiled once per sample in the sandbox; `proctor doctor` lists the toolchains found.

            Verdicts: AC, WA, TLE, MLE, RE, OLE, CE (syntax or compile error), NC (no code: empty or whitespace, \
            never run), SV (sandbox violation), IE (harness error: never counted against the model).

            Examples:
              proctor judge --problems problems/ --samples samples.jsonl --out results.jsonl
              proctor judge --problems HumanEval.jsonl.gz --samples humaneval_samples.jsonl --out he.jsonl
              proctor judge --problems problems/ --samples s.jsonl --out r.3.jsonl --shard 3/8 --resume
              proctor judge --problems HumanEval.jsonl.gz --samples samples.jsonl --out he.jsonl --emit evalplus samples_eval_results.json
              proctor judge serve --problems problems/ --port 8090   # judging over HTTP
            """)

    @Option(help: ArgumentHelp("The problem set: a folder, a problem folder, or a LiveCodeBench/HumanEval/MultiPL-E JSONL.", valueName: "path"))
    var problems: String

    @Option(help: ArgumentHelp("The samples file.", valueName: "file"))
    var samples: String

    @Option(help: ArgumentHelp("The results file (JSONL) to write.", valueName: "file"))
    var out: String

    @Flag(help: "Keep the results already in --out and judge only the rest.")
    var resume = false

    @Option(help: ArgumentHelp("Judge only shard i of N (0-based), e.g. 2/8.", valueName: "i/N"))
    var shard: String?

    @Option(name: [.customLong("extractor"), .customLong("extract")],
            help: ArgumentHelp("How to get code from raw outputs: auto, last-fence (LiveCodeBench's rule), first-python, none.", valueName: "rule"))
    var extractor: CodeExtractor = .auto

    @Option(help: ArgumentHelp(
        "The tag of a reasoning model's block (<think>...</think>): raw outputs and completions are judged on what follows it, and a block that never closes is no answer. 'none' keeps outputs whole.",
        valueName: "tag"))
    var reasoningTag = ReasoningSplit.defaultTag

    @Option(help: ArgumentHelp("The language of samples without a language field: python, c, cpp17, cpp20, java, go, rust, javascript (default: the code fence's, else python).", valueName: "language"))
    var language: String?

    @Option(help: ArgumentHelp("Checkpoint label for samples that carry none (human-eval, LiveCodeBench).", valueName: "label"))
    var checkpoint: String = "default"

    @Flag(help: "Skip malformed sample lines (reported with their line numbers) instead of stopping.")
    var skipInvalid = false

    @OptionGroup var judging: JudgeOptions

    @OptionGroup var emitting: EmitOptions

    func validate() throws {
        if let language, Language.named(language) == nil {
            throw ValidationError("--language: '\(language)' is not one of \(Language.all.map(\.id).joined(separator: ", "))")
        }
        if shard != nil, try parsedShard() == nil { throw ValidationError("--shard takes i/N with 0 ≤ i < N, e.g. 0/4") }
    }

    func parsedShard() throws -> (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0, index >= 0, index < count
        else { return nil }
        return (index, count)
    }

    func run() throws {
        let problemList = try loadProblems(problems)
        let options = SampleReader.Options(extractor: extractor, checkpoint: checkpoint, skipInvalid: skipInvalid,
                                           entryPoints: SampleReader.Options.entryPoints(of: problemList),
                                           problemOrder: problemList.map(\.id),
                                           reasoningTag: reasoningTag == "none" ? nil : reasoningTag,
                                           language: language.flatMap(Language.named))
        let (allSamples, format, skipped) = try SampleReader.read(samples, options: options)
        for error in skipped { warn("skipped: \(error)") }
        let shardValue = try parsedShard()
        let settings = JudgeSettings(workers: judging.workers, allTests: judging.allTests, shard: shardValue)
        let session = JudgeSession(problems: problemList, runner: try judging.makeRunner(), settings: settings)

        let manifest = ResultManifest(
            harnessVersion: harnessVersion, problemsHash: JudgeSession.problemsHash(problemList),
            settings: ["time_limit_factor": String(judging.timeLimitFactor), "all_tests": String(judging.allTests)],
            shard: shard)
        let progress = ProgressLine(label: "judge")
        let run = try session.judge(allSamples, into: out, manifest: manifest, resume: resume) { step in
            progress.update(done: step.done, total: step.total, elapsed: step.elapsedSeconds,
                            extra: "AC \(step.accepted)")
        }
        if let repair = run.repairNote { warn(repair) }
        for id in run.unknownProblems.sorted() { warn("samples name problem '\(id)', which is not in \(problems); skipped") }
        if run.alreadyJudged > 0 { warn("resumed: \(run.alreadyJudged) samples were already judged") }
        if format == .humanEval {
            try HumanEvalResults.write(samplesPath: samples, results: try ResultFile.read(out))
        }
        let records = try ResultFile.read(out)
        try emitting.write(records, problems: problemList, problemsHash: manifest.problemsHash)
        print("judged \(run.judged) samples (\(records.count) in \(out)); accepted \(records.filter(\.passed).count)")
    }
}
