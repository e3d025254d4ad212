#!/usr/bin/env bash
# `proctor judge serve` under load: REQUESTS requests, CONCURRENCY in flight, against a server with
# 2 workers (release build), each request a sum program in LANGUAGE on TESTS inline tests. Prints
# requests/s and latency percentiles, checks that every request was answered exactly once (200 with
# AC, or 429 with nothing judged) and that /health agrees, then judges the same programs with
# `proctor judge --workers 2` from a samples file as the peer: the service's cost over the batch judge.
# Usage: bench/judge_serve.sh [REQUESTS] [CONCURRENCY] [LANGUAGE] [TESTS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"
requests=${1:-200} concurrency=${2:-8} language=${3:-python} tests=${4:-5}
proctor="$(release_proctor)"
work="$(mktemp -d /tmp/proctor-bench-judge-serve-XXXXXX)"
log="$work/server.log"
"$proctor" judge serve --port 0 --workers 2 --queue 1024 > "$log" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do grep -q listening "$log" && break; sleep 0.1; done
url="$(awk '{print $3}' "$log" | head -1)"

"$python" - "$url" "$requests" "$concurrency" "$language" "$tests" "$work" <<'PY'
import concurrent.futures, json, sys, time, urllib.error, urllib.request
url, count, concurrency, language, tests, work = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), sys.argv[6]
ext = {"python": "py", "c": "c", "cpp17": "cpp", "rust": "rs", "go": "go", "java": "java", "javascript": "js"}[language]
code = open(f"bench/languages/sum.{ext}").read()
def body(index):
    cases = [{"input": f"{index} {t}\n", "output": f"{index + t}\n"} for t in range(tests)]
    return json.dumps({"code": code, "language": language, "tests": cases, "all_tests": True}).encode()
def send(index):
    start = time.perf_counter()
    request = urllib.request.Request(url, body(index), {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            answer = json.load(response)
            status = response.status
    except urllib.error.HTTPError as error:
        status, answer = error.code, json.load(error)
    return index, status, answer.get("verdict"), time.perf_counter() - start
started = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
    results = list(pool.map(send, range(count)))
elapsed = time.perf_counter() - started
answered = [r for r in results if r[1] == 200]
refused = [r for r in results if r[1] == 429]
wrong = [r for r in results if not ((r[1] == 200 and r[2] == "AC") or r[1] == 429)]
latencies = sorted(r[3] for r in answered)
def pct(p): return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
health = json.load(urllib.request.urlopen(url.replace("/v1/judge", "/health")))
print(f"language {language}: {count} requests, {concurrency} in flight, {tests} tests each, 2 workers")
print(f"  answered {len(answered)} (AC), refused {len(refused)}, wrong {len(wrong)}; server: accepted {health['accepted']}, answered {health['answered']}, refused {health['refused']}")
print(f"  {len(answered) / elapsed:.1f} requests/s ({len(answered) * tests / elapsed:.0f} test runs/s); latency p50 {pct(0.5):.0f} ms, p99 {pct(0.99):.0f} ms, max {latencies[-1] * 1000:.0f} ms")
assert not wrong, wrong[:3]
assert health["accepted"] == health["answered"] == len(answered), health
assert len({r[0] for r in results}) == count
with open(f"{work}/service_seconds", "w") as f: f.write(str(elapsed))
# The peer's input: the same programs and tests as a problem set and a samples file.
import os
for index in range(count):
    folder = f"{work}/problems/p{index:04d}"
    os.makedirs(folder + "/tests")
    json.dump({"id": f"p{index:04d}", "title": "sum", "difficulty": "easy", "time_limit_s": 2, "memory_limit_mb": 256,
               "checker": {"type": "tokens"}, "samples": [], "tags": []}, open(folder + "/problem.json", "w"))
    open(folder + "/statement.md", "w").write("Print A+B.")
    for t in range(tests):
        open(f"{folder}/tests/{t:02d}.in", "w").write(f"{index} {t}\n")
        open(f"{folder}/tests/{t:02d}.out", "w").write(f"{index + t}\n")
with open(f"{work}/samples.jsonl", "w") as out:
    for index in range(count):
        out.write(json.dumps({"problem_id": f"p{index:04d}", "checkpoint": "bench", "sample_index": 0, "code": code,
                              "language": language}) + "\n")
PY
start=$EPOCHREALTIME
"$proctor" judge --problems "$work/problems" --samples "$work/samples.jsonl" --out "$work/results.jsonl" --workers 2 \
    --all-tests > "$work/judge.log" 2>&1
peer=$(echo "$EPOCHREALTIME - $start" | bc)
service=$(cat "$work/service_seconds")
printf "  peer, proctor judge --workers 2 on the same programs: %.1f s vs the service's %.1f s: the service takes %.2fx the batch judge's time\n" \
    "$peer" "$service" "$(echo "$service / $peer" | bc -l)"
tail -1 "$work/judge.log"
