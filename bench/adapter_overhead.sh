#!/usr/bin/env bash
# Decode speed of SmolLM2 with a rank-R LoRA adapter on all seven projections applied unmerged,
# against the base alone, in the same process build, runs interleaved; prints the median decode
# tokens/s of each and the slowdown (issue target: at most 1.25× at rank 16). Release-builds
# proctor first (or takes PROCTOR_BIN).
# Usage: bench/adapter_overhead.sh [RUNS] [RANK] [TOKENS]   (defaults 5, 16, 96)
# The random adapter (bench/make_random_adapter.py, .venv-torch) is written to a temporary folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"

usage_unless 0 "$@"
runs="${1:-5}" rank="${2:-16}" tokens="${3:-96}"
venv="$(scripts/fixtures/make_torch_venv.sh)"
proctor="$(release_proctor)"
model="$(catalog_model smollm2)"
adapter="$(mktemp -d)"
trap 'rm -rf "$adapter"' EXIT
"$venv/bin/python" bench/make_random_adapter.py "$adapter" "$rank" >/dev/null 2>&1

# Decode tokens/s of one greedy run (a raw code prompt, so generation runs to --max-tokens).
decode_rate() {
    "$proctor" generate --model "$model" "$@" --raw --prompt $'import sys\n\ndef main():\n' \
        --max-tokens "$tokens" --temperature 0 --threads 2 2>&1 >/dev/null \
        | sed -n 's/.*generated [0-9]* tokens, \([0-9.]*\) tokens\/s.*/\1/p'
}
base=() adapted=()
for _ in $(seq "$runs"); do
    base+=("$(decode_rate)")
    adapted+=("$(decode_rate --adapter "r$rank=$adapter")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
b="$(median "${base[@]}")" a="$(median "${adapted[@]}")"
echo "base decode: ${base[*]} tok/s (median $b)"
echo "rank-$rank adapter, 7 projections, unmerged: ${adapted[*]} tok/s (median $a)"
awk -v b="$b" -v a="$a" 'BEGIN { printf "slowdown with the adapter: %.2fx\n", b / a }'
