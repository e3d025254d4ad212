#!/usr/bin/env bash
# Which prompt gets programs from a catalog chat model on the corpus's stdin problems: greedy,
# one sample per problem, the default style (stdin-instruct: the statement under "Write a
# complete Python 3 program …", the reply opened at ```python) against LiveCodeBench's exact
# prompt (style livecodebench), both judged in the sandbox by `proctor eval`; prints Pass@1,
# its 95% interval and the no-code (NC) count per style. The run directory
# (runs/prompts-MODEL-LIMIT, or $OUT) resumes after an interruption.
# Usage: bench/stdin_prompts.sh MODEL [LIMIT]   (LIMIT: the first problems of problems/, default 20)
#   bench/stdin_prompts.sh qwen2.5-coder-0.5b-instruct 20
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"

usage_unless 1 "$@"
model=$1 limit=${2:-20}
proctor="$(release_proctor)"
catalog_model "$model" >/dev/null
out="${OUT:-runs/prompts-$model-$limit}"

started=$(date +%s)
"$proctor" eval --problems problems --limit "$limit" --n 1 --threads "${THREADS:-2}" --out "$out" \
    --checkpoint "label=stdin-instruct,model=$model,temperature=0,max_tokens=512" \
    --checkpoint "label=livecodebench,model=$model,temperature=0,max_tokens=512,prompt_style=livecodebench"
echo "proctor eval: $(( $(date +%s) - started )) s"

"$python" - "$out/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
code = report["code"] if "code" in report else report
for s in code["summaries"]:
    i = s["interval"]
    print(f"{s['checkpoint']}: pass@1 {100 * s['pass_at_1']:.1f} % ({s['solved']} of {s['problems']}), "
          f"95% {i['method']} interval {100 * i['lower']:.1f}-{100 * i['upper']:.1f} %, no code {s['no_code']}")
PY
