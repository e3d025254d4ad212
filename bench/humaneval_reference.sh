#!/usr/bin/env bash
# Greedy pass@1 of a catalog model on all 164 HumanEval problems, the way its makers report it
# (temperature 0, n = 1, up to 768 new tokens), through `proctor eval` with the default prompt
# style (an instruct model gets EvalPlus's instruct prompt; see README, Prompt styles); prints
# Pass@1 with its 95% interval next to the maker-reported number. With --peer, llama.cpp
# (llama-cpp-python 0.3.36, .venv-inference/) then completes exactly the prompts Proctor
# recorded, with the same stop strings, its samples are judged by the same judge, and
# `proctor report` compares the two engines problem by problem (paired).
# The run directory (runs/humaneval-MODEL, or $OUT) resumes after an interruption.
# Usage: bench/humaneval_reference.sh MODEL [--peer]
#   bench/humaneval_reference.sh qwen2.5-coder-0.5b-instruct --peer
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"

usage_unless 1 "$@"
model=$1 peer=${2:-}
case "$model" in
    qwen2.5-coder-0.5b-instruct) published="61.6" ;;
    qwen2.5-coder-1.5b-instruct) published="70.7" ;;
    *) published="" ;;
esac
proctor="$(release_proctor)"
model_file="$(catalog_model "$model")"
data="$(scripts/fetch-humaneval.sh)"
out="${OUT:-runs/humaneval-$model}"

started=$(date +%s)
"$proctor" eval --problems "$data" --n 1 --threads 2 --out "$out" \
    --checkpoint "label=proctor,model=$model,temperature=0,max_tokens=768"
echo "proctor eval: $(( $(date +%s) - started )) s"

summary() {  # report.json -> one line per checkpoint
    "$python" - "$1" "$published" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
code = report["code"] if "code" in report else report
for s in code["summaries"]:
    i = s["interval"]
    line = (f"{s['checkpoint']}: pass@1 {100 * s['pass_at_1']:.1f} % ({s['solved']} of {s['problems']}), "
            f"95% {i['method']} interval {100 * i['lower']:.1f}-{100 * i['upper']:.1f} %, no code {s['no_code']}")
    if sys.argv[2]:
        line += f"; published {sys.argv[2]} % (full-precision weights)"
    print(line)
PY
}

if [[ "$peer" != "--peer" ]]; then
    summary "$out/report.json"
    exit 0
fi
venv="$(scripts/fixtures/make_inference_venv.sh)"
started=$(date +%s)
"$venv/bin/python" bench/humaneval_llama_cpp.py "$model_file" "$out/samples/proctor.jsonl" "$out/llama.cpp-samples.jsonl"
echo "llama.cpp generation: $(( $(date +%s) - started )) s"
"$proctor" judge --problems "$data" --samples "$out/llama.cpp-samples.jsonl" --out "$out/llama.cpp-results.jsonl" --resume \
    --python "$python"
"$proctor" report "$out/results/proctor.jsonl" "$out/llama.cpp-results.jsonl" --format json --out "$out/engines.json"
"$proctor" report "$out/results/proctor.jsonl" "$out/llama.cpp-results.jsonl" --format md --out "$out/engines.md"
summary "$out/engines.json"
sed -n '/[Cc]omparison/,/^$/p' "$out/engines.md" | head -20
