"""Soak test of `proctor serve`: for DURATION seconds, CLIENTS threads send a mix of good
requests (plain and streamed, greedy, each checked against the answer the server gave when
idle) and bad ones (clients hanging up mid-stream, garbage bytes, bodies that are not JSON or
have wrong types, prompts longer than the context, a body over the size limit, requests cut off
after the headers). The server's resident memory is sampled throughout. Exits 1 when the server
dies, a completed good request differs from its reference, a bad request is not refused with a
4xx, or memory grows (the last third's median more than 10 % and 20 MB above the first third's,
after a warm-up).

Usage: serve_soak.py URL PID [DURATION] [CLIENTS]   (stdlib only)
"""
import http.client
import json
import os
import random
import socket
import statistics
import sys
import threading
import time
from urllib.parse import urlparse

url, pid = sys.argv[1], int(sys.argv[2])
duration = float(sys.argv[3]) if len(sys.argv) > 3 else 180
clients = int(sys.argv[4]) if len(sys.argv) > 4 else 6
parsed = urlparse(url)
host, port = parsed.hostname, parsed.port
PROMPTS = [f"def {name}(values):\n    \"\"\"{doc}\"\"\"\n" for name, doc in [
    ("total", "Return the sum of values."), ("largest", "Return the largest value."),
    ("reverse", "Return the values in reverse order."), ("evens", "Return the even values."),
    ("count_zeros", "Return how many values are zero."), ("mean", "Return the mean of values."),
]]
MAX_TOKENS = 24


def connection():
    return http.client.HTTPConnection(host, port, timeout=120)


def complete(prompt, stream=False):
    body = {"model": "base", "prompt": prompt, "max_tokens": MAX_TOKENS, "temperature": 0, "stream": stream}
    conn = connection()
    conn.request("POST", "/v1/completions", json.dumps(body), {"Content-Type": "application/json"})
    response = conn.getresponse()
    if response.status != 200:
        raise AssertionError(f"status {response.status}: {response.read()[:200]!r}")
    if not stream:
        text = json.loads(response.read())["choices"][0]["text"]
    else:
        text, done = "", False
        for raw in response:
            line = raw.decode().strip()
            if not line.startswith("data: "):
                continue
            data = line[6:]
            if data == "[DONE]":
                done = True
                break
            for choice in json.loads(data).get("choices", []):
                text += choice.get("text") or ""
        if not done:
            raise AssertionError("stream ended without [DONE]")
    conn.close()
    return text


def expect_refusal(method, path, body, headers):
    conn = connection()
    conn.request(method, path, body, headers)
    response = conn.getresponse()
    payload = response.read()
    conn.close()
    if not 400 <= response.status < 500:
        raise AssertionError(f"expected a 4xx, got {response.status}: {payload[:200]!r}")
    if response.status != 413 and "error" not in json.loads(payload):
        raise AssertionError(f"a {response.status} without an OpenAI error body: {payload[:200]!r}")


def raw_socket(payload, read=False):
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall(payload)
        if read:
            try:
                s.recv(4096)
            except OSError:
                pass


def hang_up_mid_stream(prompt):
    body = json.dumps({"model": "base", "prompt": prompt, "max_tokens": 200, "temperature": 0, "stream": True}).encode()
    with socket.create_connection((host, port), timeout=60) as s:
        s.sendall(b"POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        s.recv(1024)  # the headers and perhaps a chunk; then hang up


JSON = {"Content-Type": "application/json"}
ACTIONS = {
    "good": (30, lambda rng: check(rng, stream=False)),
    "good streamed": (20, lambda rng: check(rng, stream=True)),
    "hang up mid-stream": (10, lambda rng: hang_up_mid_stream(rng.choice(PROMPTS))),
    "garbage bytes": (8, lambda rng: raw_socket(bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 4000))), read=True)),
    "not JSON": (8, lambda rng: expect_refusal("POST", "/v1/completions", b"{\"model\": ", JSON)),
    "wrong types": (8, lambda rng: expect_refusal("POST", "/v1/completions", json.dumps({"model": "base", "prompt": 5}), JSON)),
    "prompt over the context": (6, lambda rng: expect_refusal(
        "POST", "/v1/completions", json.dumps({"model": "base", "prompt": "hello " * 6000, "max_tokens": 4}), JSON)),
    "unknown model": (4, lambda rng: expect_refusal("POST", "/v1/completions", json.dumps({"model": "nope", "prompt": "x"}), JSON)),
    "body over the limit": (1, lambda rng: expect_refusal("POST", "/v1/completions", b"x" * (17 << 20), JSON)),
    "headers only, then gone": (5, lambda rng: raw_socket(
        b"POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"mo")),
}
references = {}
counts = {name: 0 for name in ACTIONS}
failures = []
lock = threading.Lock()


def check(rng, stream):
    prompt = rng.choice(PROMPTS)
    text = complete(prompt, stream=stream)
    if text != references[prompt]:
        raise AssertionError(f"answer differs from the reference: {text!r} vs {references[prompt]!r}")


def rss_kb():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def client(seed, deadline):
    rng = random.Random(seed)
    names = list(ACTIONS)
    weights = [ACTIONS[name][0] for name in names]
    while time.time() < deadline:
        name = rng.choices(names, weights)[0]
        try:
            ACTIONS[name][1](rng)
        except Exception as error:  # noqa: BLE001 - every failure is reported
            with lock:
                failures.append(f"{name}: {error}")
        with lock:
            counts[name] += 1


for prompt in PROMPTS:
    references[prompt] = complete(prompt)
started = time.time()
deadline = started + duration
threads = [threading.Thread(target=client, args=(seed, deadline)) for seed in range(clients)]
for thread in threads:
    thread.start()
samples = []
while any(thread.is_alive() for thread in threads):
    samples.append((time.time() - started, rss_kb()))
    time.sleep(2)
for thread in threads:
    thread.join()

alive = os.path.exists(f"/proc/{pid}")
try:
    final_ok = all(complete(p) == references[p] for p in PROMPTS)
except Exception as error:  # noqa: BLE001
    final_ok = False
    failures.append(f"after the soak: {error}")
warm = [kb for t, kb in samples if t > min(30, duration / 4)]
third = max(1, len(warm) // 3)
first, last = statistics.median(warm[:third]), statistics.median(warm[-third:])
grew = last > first * 1.10 and last - first > 20 * 1024
print(f"{duration:.0f} s, {clients} clients, {sum(counts.values())} requests:")
for name, count in counts.items():
    print(f"  {name}: {count}")
print(f"server alive: {alive}; answers after the soak equal the references: {final_ok}")
print(f"resident memory: {samples[0][1] / 1024:.0f} MB at the start, median {first / 1024:.0f} MB in the first third "
      f"after warm-up, {last / 1024:.0f} MB in the last third, peak {max(kb for _, kb in samples) / 1024:.0f} MB")
trajectory = [f"{t:.0f}s {kb / 1024:.0f}" for t, kb in samples[::max(1, len(samples) // 12)]]
print("resident memory over time (MB): " + ", ".join(trajectory))
for failure in failures[:20]:
    print("FAILURE", failure)
if failures or not alive or not final_ok or grew:
    print(f"soak FAILED ({len(failures)} failures{', memory grew' if grew else ''})")
    sys.exit(1)
print("soak passed")
