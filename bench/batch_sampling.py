"""Prefill, single-stream decode and n-sample throughput of `proctor generate` against
llama-cpp-python, side by side on the same model, prompts and thread count.

Usage: batch_sampling.py PROCTOR_BINARY MODEL.gguf [--threads N] [--runs N] [--samples N] [--tokens N]

Three measurements, each run `--runs` times alternating between the engines (the machine may
be shared), best run reported:
- prefill: a raw code prompt of about 300 tokens; Proctor's own prefill rate (chunks of 64
  tokens), llama.cpp timed around `eval` of the whole prompt with n_batch 512;
- decode: greedy single-stream decoding of `--tokens` tokens after a short prompt;
- samples: `--samples` samples (temperature 0.8, up to `--tokens` tokens each) of one chat
  prompt: Proctor decodes them together over the prompt's shared KV cache (one
  `generate --n` call), llama-cpp-python generates them one after another with
  `create_completion` (which reuses the cached prompt prefix between calls). Reported as
  generated tokens per second of wall time, prompt included.
Proctor also runs prefill and samples with `--batch-size 1` (no batching: the state before
the batched forward pass) for a before/after comparison.
Peak resident memory: the largest proctor child's, and this Python process's (which includes
the interpreter, about 30 MB, and llama.cpp's model and context).
"""
import argparse
import re
import resource
import subprocess
import time

import numpy as np
import llama_cpp

SHORT_PROMPT = (
    "import sys\n\n\ndef read_ints():\n    return list(map(int, sys.stdin.readline().split()))\n\n\n"
    "def solve(n, values):\n    \"\"\"Return the length of the longest strictly increasing subsequence.\"\"\"\n"
)

LONG_PROMPT = '''import heapq
import sys
from collections import defaultdict, deque


class Graph:
    """A directed graph with weighted edges, stored as adjacency lists."""

    def __init__(self, vertex_count):
        self.vertex_count = vertex_count
        self.edges = defaultdict(list)

    def add_edge(self, source, target, weight):
        self.edges[source].append((target, weight))

    def shortest_paths(self, start):
        """Dijkstra's algorithm: the distance from start to every vertex, or None."""
        distances = [None] * self.vertex_count
        distances[start] = 0
        queue = [(0, start)]
        while queue:
            distance, vertex = heapq.heappop(queue)
            if distance > distances[vertex]:
                continue
            for target, weight in self.edges[vertex]:
                candidate = distance + weight
                if distances[target] is None or candidate < distances[target]:
                    distances[target] = candidate
                    heapq.heappush(queue, (candidate, target))
        return distances


def main():
    data = sys.stdin.read().split()
'''

CHAT_PROMPT = "Write a Python function that returns the n-th Fibonacci number, with a short explanation."

parser = argparse.ArgumentParser()
parser.add_argument("proctor")
parser.add_argument("model")
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--samples", type=int, default=10)
parser.add_argument("--tokens", type=int, default=128)
args = parser.parse_args()


def proctor(*extra, batch_size=64):
    completed = subprocess.run(
        [args.proctor, "generate", "--model", args.model, "--threads", str(args.threads),
         "--context-size", "1024", "--batch-size", str(batch_size), *extra], capture_output=True, text=True, check=True)
    return completed.stderr


def proctor_prefill(batch_size=64):
    stderr = proctor("--prompt", LONG_PROMPT, "--raw", "--max-tokens", "1", batch_size=batch_size)
    match = re.search(r"prompt (\d+) tokens, ([\d.]+) tokens/s", stderr)
    return int(match[1]), float(match[2])


def proctor_decode(batch_size=64):
    stderr = proctor("--prompt", SHORT_PROMPT, "--raw", "--max-tokens", str(args.tokens), "--temperature", "0",
                     batch_size=batch_size)
    return float(re.search(r"generated \d+ tokens, ([\d.]+) tokens/s", stderr)[1])


def proctor_samples(batch_size=64):
    stderr = proctor("--prompt", CHAT_PROMPT, "--n", str(args.samples), "--max-tokens", str(args.tokens),
                     "--temperature", "0.8", "--seed", "1", batch_size=batch_size)
    match = re.search(r"generated (\d+) tokens in \d+ samples, [\d.]+ tokens/s decoding, ([\d.]+) tokens/s with the prompt", stderr)
    return int(match[1]), float(match[2])


llm = llama_cpp.Llama(model_path=args.model, n_ctx=1024, n_batch=512, n_threads=args.threads,
                      n_threads_batch=args.threads, verbose=False)
n_vocab = llm.n_vocab()


def llama_prefill():
    ids = llm.tokenize(LONG_PROMPT.encode(), add_bos=False, special=True)
    llm.reset()
    start = time.perf_counter()
    llm.eval(ids)
    return len(ids), len(ids) / (time.perf_counter() - start)


def llama_decode():
    ids = llm.tokenize(SHORT_PROMPT.encode(), add_bos=False, special=True)
    llm.reset()
    llm.eval(ids)
    logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llm.ctx, -1), shape=(n_vocab,))
    token = int(np.argmax(logits))
    # Proctor samples the first token from the prompt's logits and runs one forward pass per
    # further token: tokens - 1 evaluations for `tokens` tokens.
    start = time.perf_counter()
    for _ in range(args.tokens - 1):
        llm.eval([token])
        logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llm.ctx, -1), shape=(n_vocab,))
        token = int(np.argmax(logits))
    return args.tokens / (time.perf_counter() - start)


def llama_samples():
    # The same ChatML prompt Proctor builds for SmolLM2 (default system message included).
    prompt = ("<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
              f"<|im_start|>user\n{CHAT_PROMPT}<|im_end|>\n<|im_start|>assistant\n")
    llm.reset()
    generated = 0
    start = time.perf_counter()
    for index in range(args.samples):
        completion = llm.create_completion(prompt, max_tokens=args.tokens, temperature=0.8, top_k=0, top_p=1.0,
                                           min_p=0.0, repeat_penalty=1.0, seed=1 + index)
        generated += completion["usage"]["completion_tokens"]
    return generated, generated / (time.perf_counter() - start)


# Column 2: Proctor with --batch-size 1, i.e. without batching (the prompt a token at a time,
# the samples' tokens one forward pass each), the "before" of the batched forward pass.
results = {key: ([], [], []) for key in ("prefill", "decode", "samples")}
for _ in range(args.runs):
    for key, ours, theirs in (("prefill", proctor_prefill, llama_prefill), ("decode", proctor_decode, llama_decode),
                              ("samples", proctor_samples, llama_samples)):
        results[key][0].append(ours())
        results[key][1].append(theirs())
        if key != "decode":
            results[key][2].append(ours(batch_size=1))
proctor_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
llama_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def best(runs):
    return max(run[1] if isinstance(run, tuple) else run for run in runs)


prefill_tokens = (results["prefill"][0][0][0], results["prefill"][1][0][0])
sample_tokens = (results["samples"][0][0][0], results["samples"][1][0][0])
print(f"threads {args.threads}, best of {args.runs} alternating runs; prefill prompt {prefill_tokens[0]} tokens "
      f"(llama.cpp: {prefill_tokens[1]}); {args.samples} samples x up to {args.tokens} tokens, temperature 0.8 "
      f"(first run generated {sample_tokens[0]} / {sample_tokens[1]} tokens)")
print(f"{'':10} {'prefill tok/s':>14} {'decode tok/s':>13} {'n-sample tok/s':>15} {'peak RSS MB':>12}")
for name, column, peak in (("proctor", 0, f"{proctor_peak_mb:12.0f}"), ("llama.cpp", 1, f"{llama_peak_mb:12.0f}")):
    print(f"{name:10} {best(results['prefill'][column]):14.1f} {best(results['decode'][column]):13.1f} "
          f"{best(results['samples'][column]):15.1f} {peak}")
print(f"{'batch 1':10} {best(results['prefill'][2]):14.1f} {'':>13} {best(results['samples'][2]):15.1f}   (proctor --batch-size 1: no batching)")
print("ratio proctor/llama.cpp: " + ", ".join(
    f"{key} {best(results[key][0]) / best(results[key][1]):.2f}x" for key in ("prefill", "decode", "samples")))
