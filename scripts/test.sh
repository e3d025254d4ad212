#!/usr/bin/env bash
# Sets up everything and runs the whole test suite: the command README.md and .ci/run give.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test
