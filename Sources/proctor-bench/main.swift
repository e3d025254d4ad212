// Times Proctor's ROUGE-L + ROUGE-Lsum (stemming) on a JSON Lines corpus of
// {"target", "prediction"} pairs; used by bench/text_metrics.sh.
// Usage: proctor-bench CORPUS.jsonl WORKERS
import JSONLines
import Metrics

let arguments = CommandLine.arguments
guard arguments.count == 3, let workerCount = Int(arguments[2]), workerCount > 0 else {
    print("usage: proctor-bench CORPUS.jsonl WORKERS")
    exit(2)
}
var pairs: [RougePair] = []
do {
    let reader = try JSONLinesReader(path: arguments[1], fields: ["target", "prediction"])
    while let record = try reader.next() {
        pairs.append(RougePair(target: try record.string("target", file: arguments[1]),
                               prediction: try record.string("prediction", file: arguments[1])))
    }
} catch {
    print("error: \(error)")
    exit(1)
}
let scorer = RougeScorer(usesStemmer: true)
let clock = ContinuousClock()
var scores: [RougeLScores] = []
let elapsed = clock.measure { scores = scorer.score(pairs: pairs, workerCount: workerCount) }
var rougeLSum = 0.0, rougeLsumSum = 0.0     // summed in input order, for cross-checking
for score in scores {
    rougeLSum += score.rougeL.fmeasure
    rougeLsumSum += score.rougeLsum.fmeasure
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
print("{\"pairs\": \(pairs.count), \"workers\": \(workerCount), \"seconds\": \(seconds), "
      + "\"rougeLSum\": \(rougeLSum), \"rougeLsumSum\": \(rougeLsumSum)}")

#if canImport(Glibc)
import Glibc
#endif
