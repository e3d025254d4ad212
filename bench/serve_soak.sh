#!/usr/bin/env bash
# Soak test of `proctor serve` (release build) on loopback: clients send good and bad requests
# for DURATION seconds (see bench/serve_soak.py for the mix and what fails it); the server must
# stay up, answer every good request as it did when idle, refuse every bad one with a 4xx, and
# keep its memory flat.
# Usage: [MODEL=smollm2] bench/serve_soak.sh [DURATION] [CLIENTS]   (defaults: 180 s, 6 clients)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"
source bench/lib/llama_server.sh
proctor="$(release_proctor)"
model="$(catalog_model "${MODEL:-smollm2}")"
port="$(free_port)"
log="$(mktemp)"
"$proctor" serve --model "$model" --port "$port" --threads 2 --context-size 2048 --idle-timeout 10 > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
wait_for_health "http://127.0.0.1:$port/health" || { cat "$log" >&2; exit 1; }
"$python" bench/serve_soak.py "http://127.0.0.1:$port" "$server" "${1:-180}" "${2:-6}"
