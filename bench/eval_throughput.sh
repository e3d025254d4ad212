#!/usr/bin/env bash
# Whole-process speed of a greedy n = 1 evaluation's generation: `proctor generate` over the
# corpus's first LIMIT (40) problems, up to 384 new tokens each, with problems decoded together
# (--parallel 8, continuous batching) against one problem at a time (--parallel 1), alternating,
# RUNS (2) times each; model load included. Prints wall time and generated tok/s per run and
# checks that both write the same outputs (they must: batching never changes a token). With
# --peer, llama.cpp (llama-cpp-python 0.3.36, .venv-inference/, a 12-minute build the first
# time) then completes the same recorded prompts one after another, as a user would without
# Proctor (bench/humaneval_llama_cpp.py; the same 384-token limit, the prompts' stop strings).
# Usage: bench/eval_throughput.sh MODEL [LIMIT] [--peer]
#   bench/eval_throughput.sh qwen2.5-coder-0.5b-instruct 40
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"

usage_unless 1 "$@"
model=$1 limit=${2:-40} peer=${3:-}
[[ "$limit" == --peer ]] && { limit=40; peer=--peer; }
proctor="$(release_proctor)"
model_file="$(catalog_model "$model")"
work="${OUT:-.cache/bench/eval-throughput-$model}"
mkdir -p "$work"

tokens() {  # samples file -> generated tokens
    "$python" -c 'import json,sys; print(sum(json.loads(l)["completion_tokens"] for l in open(sys.argv[1]) if l.strip()))' "$1"
}
outputs() {  # samples file -> problem_id, output per line, sorted
    "$python" -c 'import json,sys; [print(json.dumps([r["problem_id"], r["output"]])) for r in sorted((json.loads(l) for l in open(sys.argv[1]) if l.strip()), key=lambda r: r["problem_id"])]' "$1"
}

for run in $(seq "${RUNS:-2}"); do
    for parallel in 8 1; do
        out="$work/parallel-$parallel.jsonl"
        rm -f "$out"
        started=$(date +%s.%N)
        "$proctor" generate --model "$model" --problems problems --limit "$limit" --n 1 --temperature 0 \
            --max-tokens 384 --threads "${THREADS:-2}" --parallel "$parallel" --out "$out" 2>/dev/null
        seconds=$("$python" -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)")
        generated=$(tokens "$out")
        echo "run $run, --parallel $parallel: $seconds s, $generated tokens, $("$python" -c "print(f'{$generated / $seconds:.1f}')") generated tok/s"
    done
    if diff <(outputs "$work/parallel-8.jsonl") <(outputs "$work/parallel-1.jsonl") >/dev/null; then
        echo "run $run: the same $limit outputs either way"
    else
        echo "run $run: OUTPUTS DIFFER between --parallel 8 and 1" >&2
        exit 1
    fi
done

if [[ "$peer" == "--peer" ]]; then
    venv="$(scripts/fixtures/make_inference_venv.sh)"
    rm -f "$work/llama.cpp.jsonl"
    started=$(date +%s.%N)
    MAX_TOKENS=384 "$venv/bin/python" bench/humaneval_llama_cpp.py "$model_file" "$work/parallel-1.jsonl" "$work/llama.cpp.jsonl" 2>/dev/null
    seconds=$("$python" -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)")
    generated=$(tokens "$work/llama.cpp.jsonl")
    echo "llama.cpp, one prompt after another: $seconds s, $generated tokens, $("$python" -c "print(f'{$generated / $seconds:.1f}')") generated tok/s"
fi
