#!/usr/bin/env bash
# Is an adapter reproducible from the committed script, data selection and seed? Trains the same
# adapter twice with scripts/train-adapter.sh: once straight through, once killed with SIGKILL
# just after its first checkpoint and run again (it resumes), then compares the weights' SHA-256.
# Usage: bench/adapter_reproducibility.sh [MODEL] [STEPS] [DATA]   (defaults: smollm2 12 diverse)
# MODEL is a catalog name (the 1.5B model takes about 45 s a step on 2 cores; smollm2 seconds).
# Exits 1 when the two files differ. Work goes to .cache/reproducibility/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"

usage_unless 0 "$@"
model=${1:-smollm2}
steps=${2:-12}
data=${3:-diverse}
work=.cache/reproducibility/$model
rm -rf "$work"
mkdir -p "$work"
arguments=(--data "$data" --max-steps "$steps" --save-every 5)
[[ "$model" == qwen2.5-coder-1.5b-instruct ]] && arguments+=(--gradient-checkpointing)

echo "straight through: $work/straight"
scripts/train-adapter.sh "$model" "$work/straight" "${arguments[@]}" > "$work/straight.out" 2>&1

echo "killed after its first checkpoint, then resumed: $work/resumed"
scripts/train-adapter.sh "$model" "$work/resumed" "${arguments[@]}" > "$work/resumed.out" 2>&1 &
while [[ ! -f "$work/resumed/.resume/state.pt" ]]; do
    sleep 0.5
    jobs -r | grep -q . || { echo "the run ended before its first checkpoint" >&2; exit 2; }
done
pkill -KILL -f "train-adapter.py .*$work/resumed" || true
wait || true
echo "  killed at: $(grep -c 'step ' "$work/resumed.out" || true) progress lines; resuming"
scripts/train-adapter.sh "$model" "$work/resumed" "${arguments[@]}" >> "$work/resumed.out" 2>&1
grep -q "resumed at step" "$work/resumed.out" || { echo "the second run did not resume" >&2; exit 2; }

straight=$(sha256sum "$work/straight/adapter_model.safetensors" | cut -d' ' -f1)
resumed=$(sha256sum "$work/resumed/adapter_model.safetensors" | cut -d' ' -f1)
echo "straight through  $straight"
echo "killed + resumed  $resumed"
if [[ "$straight" == "$resumed" ]]; then echo "identical"; else echo "DIFFERENT"; exit 1; fi
