#!/usr/bin/env bash
# Prefill (a ~500-token chat prompt), single-stream greedy decode, and --samples x --tokens
# n-sample throughput of `proctor generate` against llama-cpp-python on one GGUF, 2 threads
# each, alternating (bench/batch_sampling.py); release-builds proctor first (or takes
# PROCTOR_BIN). The model is a catalog name (fetched into $PROCTOR_MODELS_DIR, default
# .cache/models/, when missing) or a GGUF path. With --peer-only, llama.cpp alone.
# Usage: bench/model_speed.sh MODEL_NAME_OR_PATH [--peer-only] [--threads N] [--runs N] [--samples N] [--tokens N] [--no-batch-1]
#   bench/model_speed.sh qwen2.5-coder-0.5b-instruct --runs 2
#   bench/model_speed.sh qwen2.5-coder-1.5b-instruct --peer-only --runs 1
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"

usage_unless 1 "$@"
proctor="$(release_proctor)"
if [[ -f "$1" ]]; then model=$1; else model="$(catalog_model "$1")"; fi
shift

venv="$(scripts/fixtures/make_inference_venv.sh)"
engine=()
[[ " $* " == *" --peer-only "* ]] || engine=(--proctor "$proctor")
"$venv/bin/python" bench/batch_sampling.py "$model" ${engine[@]+"${engine[@]}"} "$@"
