#!/usr/bin/env bash
# Prefill (a ~500-token chat prompt), single-stream greedy decode, and --samples x --tokens
# n-sample throughput of `proctor generate` against llama-cpp-python on one GGUF, 2 threads
# each, alternating (bench/batch_sampling.py); release-builds proctor first. The model is a
# catalog name whose file is cached in $PROCTOR_MODELS_DIR or .cache/models/ (by `proctor
# models fetch`), or a GGUF path. With --peer-only, llama.cpp alone (no build).
# Usage: bench/model_speed.sh MODEL_NAME_OR_PATH [--peer-only] [--threads N] [--runs N] [--samples N] [--tokens N] [--no-batch-1]
#   bench/model_speed.sh qwen2.5-coder-0.5b-instruct --runs 2
#   bench/model_speed.sh qwen2.5-coder-1.5b-instruct --peer-only --runs 1
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
source bench/lib/release.sh

[[ $# -ge 1 ]] || { sed -n 's/^# Usage: //p' "${BASH_SOURCE[0]}" >&2; exit 2; }
models_dir="${PROCTOR_MODELS_DIR:-$repo_root/.cache/models}"
case "$1" in
    qwen2.5-coder-0.5b-instruct) model="$models_dir/qwen2.5-coder-0.5b-instruct-q5_0.gguf" ;;
    qwen2.5-coder-1.5b-instruct) model="$models_dir/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf" ;;
    smollm2) model="$models_dir/SmolLM2-135M-Instruct.Q4_1.gguf" ;;
    *) model="$1" ;;
esac
shift
[[ -f "$model" ]] || { echo "$model is missing: run 'proctor models fetch' for it, or pass a GGUF path" >&2; exit 1; }

venv="$(scripts/fixtures/make_inference_venv.sh)"
engine=()
[[ " $* " == *" --peer-only "* ]] || engine=(--proctor "$(release_proctor)")
"$venv/bin/python" bench/batch_sampling.py "$model" ${engine[@]+"${engine[@]}"} "$@"
