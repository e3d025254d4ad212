"""Concurrent completion requests against an OpenAI-compatible server; prints one JSON line.

Usage: serve_load.py BASE_URL MODEL REQUESTS MAX_TOKENS CONCURRENCY LABEL

Every request has its own prompt (a different first line), so no server can answer from a
prompt cache; greedy decoding; completion tokens as the server's usage reports them, and each
request's latency (sent to answered) for its median and 99th percentile.
"""

import json
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

base_url, model, requests, max_tokens, concurrency, label = sys.argv[1:7]
requests, max_tokens, concurrency = int(requests), int(max_tokens), int(concurrency)


def prompt(i):
    return (f"# Exercise {i + 1}: a small utility.\n"
            f"def moving_average_{i}(values, window):\n"
            '    """Return the moving averages of `values` over `window` items."""\n')


def one(i):
    sent = time.perf_counter()
    body = json.dumps({"model": model, "prompt": prompt(i), "max_tokens": max_tokens, "temperature": 0,
                       "seed": i}).encode()
    request = urllib.request.Request(base_url + "/completions", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as answer:
        usage = json.loads(answer.read())["usage"]
    return usage["completion_tokens"], time.perf_counter() - sent


def percentile(values, fraction):
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))]


started = time.perf_counter()
with ThreadPoolExecutor(max_workers=concurrency) as pool:
    answers = list(pool.map(one, range(requests)))
seconds = time.perf_counter() - started
tokens = sum(count for count, _ in answers)
latencies = [latency for _, latency in answers]
print(json.dumps({"server": label, "requests": requests, "concurrency": concurrency,
                  "completion_tokens": tokens, "wall_s": seconds, "tokens_per_s": tokens / seconds,
                  "latency_p50_s": percentile(latencies, 0.5), "latency_p99_s": percentile(latencies, 0.99)}))
