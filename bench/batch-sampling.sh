#!/usr/bin/env bash
# Release-builds proctor (under the shared build lock when there is one) and compares its
# prefill, single-stream decode and batched n-sample throughput with llama-cpp-python on the
# SmolLM2 demo model. Extra arguments go to bench/batch_sampling.py
# (e.g. --threads 2 --runs 3 --samples 10 --tokens 128).
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
source bench/lib/release.sh
venv="$(scripts/fixtures/make_inference_venv.sh)"
proctor="$(release_proctor)"
model="$(PROCTOR="$proctor" scripts/fetch-model.sh)"
"$venv/bin/python" bench/batch_sampling.py "$proctor" "$model" "$@"
