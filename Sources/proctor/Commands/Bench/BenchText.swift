import ArgumentParser
import Foundation
import JSONLines
import Metrics
import TextScoring

/// `proctor bench text`: ROUGE-L + ROUGE-Lsum throughput on a corpus, for bench/text_metrics.sh.
struct BenchText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Time ROUGE-L and ROUGE-Lsum (stemming) on a corpus of target/prediction pairs.",
        discussion: """
            The corpus is JSON Lines with "target" and "prediction" strings. Only the scoring is \
            timed, not the reading. The sums of the F-measures let a caller check that Proctor and \
            the peers computed the same numbers. bench/text_metrics.sh runs this next to rouge-score \
            and rouge-score-rs on the same corpus and prints the ratios.

            Example:
              swift build -c release && .build/release/proctor bench text corpus.jsonl --workers 2
            """)

    @Argument(help: "The corpus (JSON Lines of {\"target\", \"prediction\"}).")
    var corpus: String

    @Option(help: "Threads to score on.")
    var workers = 1

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func validate() throws {
        guard workers > 0 else { throw ValidationError("--workers must be positive") }
    }

    func run() throws {
        let pairs: [RougePair]
        do { pairs = try RougeBenchmark.pairs(path: corpus) } catch { throw CommandFailure(error.description) }
        let result = RougeBenchmark.run(pairs, workerCount: workers)
        if json {
            print("{\"pairs\": \(result.pairCount), \"workers\": \(result.workerCount), \"seconds\": \(result.seconds), "
                  + "\"rougeLSum\": \(result.rougeLSum), \"rougeLsumSum\": \(result.rougeLsumSum)}")
            return
        }
        print("pairs:     \(result.pairCount)")
        print("workers:   \(result.workerCount)")
        print(String(format: "seconds:   %.3f  (%.0f pairs/s)", result.seconds, Double(result.pairCount) / result.seconds))
        print("sums:      rougeL F \(result.rougeLSum), rougeLsum F \(result.rougeLsumSum)")
    }
}
