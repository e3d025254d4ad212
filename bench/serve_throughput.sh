#!/usr/bin/env bash
# Serving throughput: `proctor serve` (release build) against llama.cpp's server from
# llama-cpp-python 0.3.36, on this machine, both with the same thread count, both on loopback,
# the same load: REQUESTS completion requests of MAX_TOKENS greedy tokens, CONCURRENCY in
# flight, each with its own prompt. Rounds alternate between the servers; the median completion
# tokens/s of each and their ratio are printed. proctor serve decodes the requests in flight
# together (continuous batching); llama-cpp-python's server answers one at a time.
#
# Usage: [MODEL=smollm2] [PROCTOR_BIN=path] bench/serve_throughput.sh [ROUNDS] [REQUESTS] [MAX_TOKENS] [CONCURRENCY] [THREADS]
#        (defaults: 3 rounds, 8 requests, 64 tokens, concurrency 4, 2 threads; MODEL a catalog name;
#        PARALLEL: proctor serve --parallel, default 8). Per-request latency: p50 and p99.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"
rounds="${1:-3}"
requests="${2:-8}"
max_tokens="${3:-64}"
concurrency="${4:-4}"
threads="${5:-2}"

source bench/lib/llama_server.sh
venv="$(llama_server_venv)"
proctor="$(release_proctor)"
model="$(catalog_model "${MODEL:-smollm2}")"

work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

"$proctor" serve --model "$model" --host 127.0.0.1 --port 0 --threads "$threads" --context-size 2048 \
    --parallel "${PARALLEL:-8}" --served-model-name smollm2 > "$work/proctor.out" 2> "$work/proctor.err" &
pids+=($!)
for _ in $(seq 1 600); do grep -q listening "$work/proctor.out" 2>/dev/null && break; sleep 0.2; done
proctor_url="$(sed -n 's/^listening on \(http[^ ]*\) .*/\1/p' "$work/proctor.out")"
[[ -n "$proctor_url" ]] || { cat "$work/proctor.err" >&2; exit 1; }

llama_port="$(free_port)"
"$venv/bin/python" -m llama_cpp.server --model "$model" --host 127.0.0.1 --port "$llama_port" \
    --n_threads "$threads" --n_threads_batch "$threads" --n_ctx 2048 --model_alias smollm2 --verbose False \
    > "$work/llama.out" 2>&1 &
pids+=($!)
llama_url="http://127.0.0.1:$llama_port/v1"
wait_for_health "$llama_url/models" || { cat "$work/llama.out" >&2; exit 1; }
wait_for_health "$proctor_url/models"

load() { timeout 900 "$venv/bin/python" bench/serve_load.py "$1" smollm2 "$requests" "$max_tokens" "$concurrency" "$2"; }
# One warm-up request each (page in the mapped model), then alternating rounds.
"$venv/bin/python" bench/serve_load.py "$proctor_url" smollm2 1 8 1 warmup >/dev/null
"$venv/bin/python" bench/serve_load.py "$llama_url" smollm2 1 8 1 warmup >/dev/null
for _ in $(seq 1 "$rounds"); do
    load "$proctor_url" proctor >> "$work/results.jsonl"
    load "$llama_url" llama.cpp >> "$work/results.jsonl"
done

"$venv/bin/python" - "$work/results.jsonl" "$requests" "$max_tokens" "$concurrency" "$threads" "$(basename "$model")" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
requests, max_tokens, concurrency, threads = sys.argv[2:6]
print(f"{requests} requests x {max_tokens} tokens, concurrency {concurrency}, {threads} threads, {sys.argv[6]}")
print(f"{'server':<12}{'rounds':>7}{'median tok/s':>14}{'best tok/s':>12}{'tokens':>8}{'p50 s':>8}{'p99 s':>8}")
median = {}
for server in ("proctor", "llama.cpp"):
    runs = [r for r in rows if r["server"] == server]
    median[server] = statistics.median(r["tokens_per_s"] for r in runs)
    # Latencies: the median over rounds of each round's per-request p50 and p99.
    p50 = statistics.median(r["latency_p50_s"] for r in runs)
    p99 = statistics.median(r["latency_p99_s"] for r in runs)
    print(f"{server:<12}{len(runs):>7}{median[server]:>14.1f}{max(r['tokens_per_s'] for r in runs):>12.1f}"
          f"{runs[0]['completion_tokens']:>8}{p50:>8.2f}{p99:>8.2f}")
print(f"ratio proctor serve / llama.cpp server (median completion tok/s): {median['proctor'] / median['llama.cpp']:.2f}x")
PY
