#!/usr/bin/env bash
# Prefill and greedy decode of `proctor generate` against llama-cpp-python on the same GGUF,
# the same ~470-token raw prompt (the README's first 1800 bytes) and 2 threads, alternating.
# Usage: bench/qwen_speed.sh MODEL.gguf [RUNS]
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
source bench/lib/release.sh
model=$1 runs=${2:-2}
venv="$(scripts/fixtures/make_inference_venv.sh)"
proctor="$(release_proctor)"
prompt="$(mktemp)"
trap 'rm -f "$prompt"' EXIT
head -c 1800 README.md > "$prompt"
for _ in $(seq "$runs"); do
    "$proctor" generate --model "$model" --prompt "$(cat "$prompt")" --raw --max-tokens 32 --temperature 0 --threads 2 2>&1 \
        | grep tokens/s | sed 's/^/proctor   /'
    "$venv/bin/python" bench/qwen_peer.py "$model" "$prompt"
done
