import ArgumentParser
import Foundation
import JSONLines
import Metrics
import TextScoring

/// `proctor score-text`: score predictions from JSON Lines files and compare two systems.
struct ScoreText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score-text",
        abstract: "Score text answers (QA, GSM8K, multiple choice, classification) and compare two systems.",
        discussion: """
            Each input is a JSON Lines file with one object per line holding a gold answer and the \
            model's prediction, e.g.
              {"gold": "Paris", "prediction": "The capital is Paris."}

            Tasks (--task):
              qa              EM, relaxed match, token F1, ROUGE-L, Acc@ROUGE-L under a profile; gold \
            is a string or a list of acceptable strings (default).
              gsm8k           strict-match and flexible-extract accuracy as lm-evaluation-harness \
            computes them; gold is the dataset's answer ending in "#### n", or a plain number.
              mc              letter accuracy: A-D extracted from the prediction's first line; gold is a letter.
              classification  accuracy and macro-F1 (scikit-learn: labels = union of gold and \
            predicted, compared exactly) and the confusion matrix; gold is a label (string or number).

            Profiles (qa):
              seed   the reference study's definitions (src/eval_accuracy_plus.py): strip both sides; \
            normalize = lower, strip, collapse whitespace, drop [^\\w\\s]; EM; relaxed match (gold of \
            1..15 tokens contained in the prediction or vice versa, reported as max(EM, relaxed)); F1 \
            (both empty = 1); ROUGE-L = rouge-score rougeLsum F with stemming; Acc@ROUGE-L >= 0.5.
              squad  SQuAD v1.1: lower, drop ASCII punctuation and the articles a/an/the; EM and F1 as \
            the best over golds (empty vs empty: EM 1, F1 0); ROUGE-L = rouge-score rougeL F with stemming.

            qa tables show every item and the short-answer subset (gold of at most 15 tokens). With \
            two files (same items, same order) the second is compared with the first: the difference \
            per metric, a 95% paired bootstrap interval, and a verdict in words.

            Examples:
              proctor score-text baseline.jsonl
              proctor score-text baseline.jsonl lora.jsonl --format md --per-item items.jsonl
              proctor score-text answers.jsonl --gold-field answers --prediction-field output --profile squad
              proctor score-text gsm8k.jsonl --task gsm8k --gold-field answer
              proctor score-text base.jsonl lora.jsonl --task classification --format json
            """)

    @Argument(help: "One or more prediction files (JSON Lines). Two files are compared item by item.")
    var files: [String]

    @Option(help: "What the predictions answer: qa, gsm8k, mc or classification.")
    var task: TextScoringTask = .qa

    @Option(help: "qa only: which metric definitions to use, seed (the study's) or squad (SQuAD v1.1).")
    var profile: TextScoringProfile = .seed

    @Option(help: "Output format for the tables: md, csv or json.")
    var format: ReportFormat = .md

    @Option(name: .customLong("per-item"), help: ArgumentHelp(
        "Write every item's scores here as JSON Lines (one line per input line, input order).",
        valueName: "OUT.jsonl"))
    var perItem: String?

    @Option(help: ArgumentHelp(
        "What the files are: fields (one object per item, --gold-field and --prediction-field), lm-eval (lm-evaluation-harness's samples_<task>_*.jsonl: target and resps[0][0]), or auto (lm-eval when the first line has doc_id, target and resps).",
        valueName: "kind"))
    var input: PredictionInput = .auto

    @Option(help: "The field holding the gold answer: for qa a string or a list of strings; for gsm8k and classification a string or number; for mc a letter.")
    var goldField = "gold"

    @Option(help: "The field holding the model's prediction (a string).")
    var predictionField = "prediction"

    @Option(help: ArgumentHelp(
        "The tag of a reasoning model's block (<think>...</think>): predictions are scored on what follows it, and a block that never closes is an empty answer. 'none' scores predictions whole.",
        valueName: "tag"))
    var reasoningTag = ReasoningSplit.defaultTag

    @Flag(help: "Skip lines that are not valid JSON objects or lack the fields, and report how many.")
    var skipInvalid = false

    @Option(help: "qa only: golds with more tokens than this have no relaxed match and are outside the short subset.")
    var shortThreshold = 15

    @Option(help: "qa only: ROUGE-L F at or above this counts as correct for Acc@ROUGE-L.")
    var rougeThreshold = 0.5

    @Option(help: "Bootstrap resamples for the paired comparison.")
    var resamples = 10_000

    @Option(help: "Seed of the bootstrap's random generator.")
    var seed: UInt64 = 0x5EED

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one prediction file") }
        guard shortThreshold >= 0 else { throw ValidationError("--short-threshold must be at least 0") }
        guard resamples > 0 else { throw ValidationError("--resamples must be positive") }
    }

    func run() throws {
        do {
            let tag = reasoningTag == "none" ? nil : reasoningTag
            let inputs = try files.map { path throws(JSONLinesError) in
                if input == .lmEval || (input == .auto && PredictionFile.holdsLMEvalSamples(path)) {
                    return try PredictionFile(lmEvalSamples: path, gold: task.goldShape, reasoningTag: tag, skipInvalid: skipInvalid)
                }
                return try PredictionFile(path: path, goldField: goldField, predictionField: predictionField,
                                          gold: task.goldShape, reasoningTag: tag, skipInvalid: skipInvalid)
            }
            let bootstrap = PairedBootstrap(resamples: resamples, seed: seed)
            let table: String, items: String
            if task == .qa {
                let scorer = TextAnswerScorer(profile: profile, thresholds: StudyAnswerMetrics(
                    shortAnswerTokenLimit: shortThreshold, rougeThreshold: rougeThreshold))
                let report = try TextScoringReport(files: inputs, scorer: scorer, bootstrap: bootstrap)
                table = ReportRenderer.render(report, as: format)
                items = report.files.map(PerItemWriter.lines).joined()
            } else {
                let report = try AnswerTaskReport(task: task, files: inputs, bootstrap: bootstrap)
                table = AnswerTaskRenderer.render(report, as: format)
                items = report.files.map { PerItemWriter.lines($0, task: task) }.joined()
            }
            print(table, terminator: "")
            for input in inputs where !input.skipped.isEmpty {
                FileHandle.standardError.write(Data("\(input.path): skipped \(input.skipped.count) invalid lines\n".utf8))
            }
            if let perItem {
                try Data(items.utf8).write(to: URL(fileURLWithPath: perItem))
            }
        } catch let error as JSONLinesError {
            throw CommandFailure(error.description + (skipInvalid || error.line == nil ? "" : " (use --skip-invalid to skip such lines)"))
        } catch let error as TextScoringError {
            throw CommandFailure(error.description)
        }
    }
}

/// A failure reported as one line, without the usage text.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension TextScoringProfile: ExpressibleByArgument {}
extension TextScoringTask: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
