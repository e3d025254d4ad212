#!/usr/bin/env bash
# Trains the demo LoRA adapter (PEFT, rank 4, all seven projections, 3 epochs over the 30 problems after the first 20) on SmolLM2-135M-Instruct for
# Python solutions in the problems' style; a few minutes on 2 CPU cores; seeded.
#   scripts/train-demo-adapter.sh [OUT_DIR]     (default .cache/adapters/smollm2-code)
# Needs .venv-torch (scripts/fixtures/make_torch_venv.sh) and the cached GGUF (scripts/fetch-model.sh).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$repo_root/.cache/adapters/smollm2-code}"
gguf="${PROCTOR_MODELS_DIR:-$repo_root/.cache/models}/SmolLM2-135M-Instruct.Q4_1.gguf"
[[ -f "$gguf" ]] || { echo "no $gguf: run scripts/fetch-model.sh first" >&2; exit 1; }
venv="$("$repo_root/scripts/fixtures/make_torch_venv.sh")"
# Nothing is fetched from the hub: the base comes from the GGUF, the config names it only.
export HF_HUB_OFFLINE=1
# transformers reads GGUF through the gguf package.
"$venv/bin/python" -c "import gguf" 2>/dev/null || "$venv/bin/python" -m pip install --quiet "gguf==0.17.1" >&2
"$venv/bin/python" "$repo_root/scripts/train-demo-adapter.py" "$gguf" "$out" "${@:2}"
