#!/usr/bin/env bash
# Trains a LoRA adapter (PEFT) on a catalog model for Python programs, over the corpus's problems
# after the first 20 (which the main job evaluates) and with --data diverse HumanEval's 164
# canonical solutions too; seeded, resumable; ends by writing OUT_DIR/README.md.
#   scripts/train-adapter.sh MODEL OUT_DIR [--data stdin|diverse] [--epochs 1] [--max-steps N]
#       [--rank 8] [--targets q_proj,v_proj] [--threads 2] [--seed 0] [--lr 2e-4] [--hold-out 20]
#       [--prompt-style stdin-instruct|livecodebench] [--save-every 10] [--gradient-checkpointing]
#   MODEL: smollm2 (minutes), qwen2.5-coder-0.5b-instruct or qwen2.5-coder-1.5b-instruct (about 45 s
#   a step for a corpus problem on 2 cores with --gradient-checkpointing, which it needs in 24 GB)
# Killed, it resumes from the last checkpoint in OUT_DIR/.resume/ when run again with the same
# arguments. Needs .venv-torch (scripts/fixtures/make_torch_venv.sh, made here when missing); the
# GGUF is fetched through the catalog (scripts/fetch-model.sh). OUT_DIR/train.log keeps the log.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 2 ]] || { sed -n '2,12p' "$0" >&2; exit 2; }
model="$1"
out="$2"
# The Hugging Face model each catalog GGUF was converted from, recorded as the adapter's base.
case "$model" in
    smollm2) base_name="HuggingFaceTB/SmolLM2-135M-Instruct" ;;
    qwen2.5-coder-0.5b-instruct) base_name="Qwen/Qwen2.5-Coder-0.5B-Instruct" ;;
    qwen2.5-coder-1.5b-instruct) base_name="Qwen/Qwen2.5-Coder-1.5B-Instruct" ;;
    *) echo "unknown model '$model': smollm2, qwen2.5-coder-0.5b-instruct or qwen2.5-coder-1.5b-instruct" >&2; exit 2 ;;
esac
gguf="$("$repo_root/scripts/fetch-model.sh" "$model")"
venv="$("$repo_root/scripts/fixtures/make_torch_venv.sh")"
# Nothing is fetched from the hub: the base comes from the GGUF, the config names it only.
export HF_HUB_OFFLINE=1
# Activations of different lengths each step fragment glibc's per-thread arenas: the 1.5B
# model's process grew from 11 to 17 GB in 15 steps with the default arenas.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# The log lines (per 10 steps, per epoch, the summary) stay beside the adapter as train.log
# (appended to when a run resumes).
mkdir -p "$out"
"$venv/bin/python" "$repo_root/scripts/train-adapter.py" "$gguf" "$out" --base-name "$base_name" \
    --command "scripts/train-adapter.sh $*" "${@:3}" \
    | tee -a "$out/train.log"
