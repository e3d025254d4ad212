#!/usr/bin/env bash
# Release-builds proctor (under the shared build lock when there is one; or takes PROCTOR_BIN)
# and compares its prefill, single-stream decode and batched n-sample throughput with
# llama-cpp-python on the SmolLM2 demo model (fetched when missing). The arguments go to
# bench/batch_sampling.py; bench/model_speed.sh runs the same comparison on another model.
# Usage: bench/batch-sampling.sh [--peer-only] [--threads N] [--runs N] [--samples N] [--tokens N] [--no-batch-1]   (defaults: 2 threads, 3 runs, 10 samples, 128 tokens)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"

usage_unless 0 "$@"
proctor="$(release_proctor)"
model="$(catalog_model smollm2)"
# model_speed.sh takes the binary just built rather than building again.
PROCTOR_BIN="$proctor" exec bench/model_speed.sh "$model" "$@"
