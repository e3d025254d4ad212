#!/usr/bin/env bash
# Sets up everything and runs Proctor's main job on the embedded default, leaving a report.
# Today: validate every reference solution of the problem corpus in the sandbox, then judge a
# deliberately weak "checkpoint" against the references and report the comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product proctor
proctor=.build/release/proctor
run="runs/main-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run"

"$proctor" doctor
"$proctor" problems validate problems/

# Two checkpoints over the whole corpus: the reference solutions and a "print 0" baseline.
python3 - "$run/samples.jsonl" <<'PY'
import json, os, sys
with open(sys.argv[1], "w") as out:
    for problem in sorted(os.listdir("problems")):
        solution = os.path.join("problems", problem, "solution.py")
        if not os.path.exists(solution):
            continue
        reference = open(solution).read()
        out.write(json.dumps({"problem_id": problem, "checkpoint": "print-zero", "sample_index": 0, "code": "print(0)\n"}) + "\n")
        out.write(json.dumps({"problem_id": problem, "checkpoint": "reference", "sample_index": 0, "code": reference}) + "\n")
PY
"$proctor" judge --problems problems/ --samples "$run/samples.jsonl" --out "$run/results.jsonl"
"$proctor" report "$run/results.jsonl" --out "$run/report.md"
"$proctor" report "$run/results.jsonl" --format html --problems problems/ --out "$run/report.html"
sed -n '1,20p' "$run/report.md"
echo "report: $run/report.md and $run/report.html"
