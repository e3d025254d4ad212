"""Benchmark helpers for bench/text_metrics.sh.

  generate OUT.jsonl N      writes N deterministic {"target", "prediction"} pairs
  rouge-score CORPUS        times rouge-score 0.1.2 (rougeL + rougeLsum, stemming)
  rouge-score-rs CORPUS T   times rouge-score-rs score_batch with T threads (RAYON_NUM_THREADS)
Each timing prints one JSON object with seconds and the in-order sums of the F-measures.
"""
import json
import random
import sys
import time


def generate(path, count):
    rng = random.Random(1234)
    words = ("the of and to in a is that for it as was with be by on not he this are or his from at which "
             "but have an they you were her she there been one all we their has would when if so no will "
             "model models training trained evaluation answer answers question questions running runs ran "
             "quickly generalization happiness cats computing computed computer networks learning "
             "paris france london 2024 3.14 1,000 results improved improvement accuracy").split()
    with open(path, "w", encoding="utf-8") as out:
        for _ in range(count):
            lines = []
            for _ in range(rng.choice([1, 1, 1, 2, 3])):
                lines.append(" ".join(rng.choice(words) for _ in range(rng.randint(5, 25))))
            target = "\n".join(lines).capitalize() + "."
            tokens = target.split(" ")
            prediction = [t for t in tokens if rng.random() > 0.25]
            for _ in range(rng.randint(0, 5)):
                prediction.insert(rng.randint(0, len(prediction)), rng.choice(words))
            out.write(json.dumps({"target": target, "prediction": " ".join(prediction)}) + "\n")


def load(path):
    targets, predictions = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            targets.append(record["target"])
            predictions.append(record["prediction"])
    return targets, predictions


def report(name, seconds, scores):
    rouge_l = rouge_lsum = 0.0
    for score in scores:
        rouge_l += score["rougeL"].fmeasure
        rouge_lsum += score["rougeLsum"].fmeasure
    print(json.dumps({"tool": name, "pairs": len(scores), "seconds": seconds,
                      "rougeLSum": rouge_l, "rougeLsumSum": rouge_lsum}))


def main():
    command = sys.argv[1]
    if command == "generate":
        generate(sys.argv[2], int(sys.argv[3]))
        return
    targets, predictions = load(sys.argv[2])
    if command == "rouge-score":
        from rouge_score import rouge_scorer
        scorer = rouge_scorer.RougeScorer(["rougeL", "rougeLsum"], use_stemmer=True)
        start = time.perf_counter()
        scores = [scorer.score(t, p) for t, p in zip(targets, predictions)]
        report("rouge-score", time.perf_counter() - start, scores)
    elif command == "rouge-score-rs":
        from rouge_score_rs import rouge_scorer
        scorer = rouge_scorer.RougeScorer(["rougeL", "rougeLsum"], use_stemmer=True)
        start = time.perf_counter()
        scores = scorer.score_batch(targets, predictions)
        report("rouge-score-rs", time.perf_counter() - start, scores)


if __name__ == "__main__":
    main()
