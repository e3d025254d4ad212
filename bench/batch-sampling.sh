#!/usr/bin/env bash
# Release-builds proctor (under the shared build lock when there is one) and compares its
# prefill, single-stream decode and batched n-sample throughput with llama-cpp-python on the
# SmolLM2 demo model (fetched when missing). Extra arguments go to bench/batch_sampling.py
# (e.g. --threads 2 --runs 3 --samples 10 --tokens 128, or --peer-only); bench/model_speed.sh
# runs the same comparison on another model.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
exec bench/model_speed.sh "$(scripts/fetch-model.sh)" "$@"
