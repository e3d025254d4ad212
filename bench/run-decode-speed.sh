#!/usr/bin/env bash
# Release-builds proctor (under the shared build lock when there is one) and compares its
# single-stream prefill/decode speed with llama-cpp-python on the SmolLM2 demo model.
# Extra arguments go to bench/decode_speed.py (e.g. --threads 1 --tokens 256 --runs 5).
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
source bench/lib/release.sh
venv="$(scripts/fixtures/make_inference_venv.sh)"
model="$(scripts/fetch-model.sh)"
proctor="$(release_proctor)"
"$venv/bin/python" bench/decode_speed.py "$proctor" "$model" "$@"
