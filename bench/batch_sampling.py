"""Prefill, single-stream decode and n-sample throughput of `proctor generate` against
llama-cpp-python, side by side on the same GGUF model, prompts and thread count.

Usage: batch_sampling.py MODEL.gguf (--proctor BINARY | --peer-only)
                         [--threads N] [--runs N] [--samples N] [--tokens N] [--no-batch-1]

Any chat model Proctor reads (SmolLM2, Qwen2.5-Coder, ...). llama.cpp's chat prompts are the
model's own GGUF chat template (`tokenizer.chat_template`, rendered with jinja2 for one user
message, its default system message included), which is what `proctor generate --prompt`
without `--raw` builds from the same template; both engines' prompt token counts are printed,
and a difference is flagged (it would mean Proctor's rendering or tokenizing is off).

Three measurements, each run `--runs` times alternating between the engines (the machine may
be shared), best run reported:
- prefill: a chat prompt of about 500 tokens (a code-review request around a Python module);
  Proctor's own prefill rate (chunks of 64 tokens), llama.cpp timed around `eval` of the whole
  prompt with n_batch 512;
- decode: greedy single-stream decoding of up to `--tokens` tokens after a short raw code
  prompt, stopping at an end-of-generation token on both sides; rate = tokens / time after
  the prompt (the first token comes from the prompt's logits, as Proctor counts it);
- samples: `--samples` samples (temperature 0.8, up to `--tokens` tokens each) of one chat
  prompt: Proctor decodes them together over the prompt's shared KV cache (one
  `generate --n` call), llama-cpp-python generates them one after another with
  `create_completion` (which reuses the cached prompt prefix between calls). Reported as
  generated tokens per second of wall time, prompt included.
Proctor also runs prefill and samples with `--batch-size 1` (no batching: the state before
the batched forward pass) for a before/after comparison. `--peer-only` measures llama.cpp alone.
Peak resident memory: the largest proctor child's, and this Python process's (which includes
the interpreter, about 30 MB, and llama.cpp's model and context).
"""
import argparse
import re
import resource
import subprocess
import sys
import time

import jinja2
import numpy as np
import llama_cpp

SHORT_PROMPT = (
    "import sys\n\n\ndef read_ints():\n    return list(map(int, sys.stdin.readline().split()))\n\n\n"
    "def solve(n, values):\n    \"\"\"Return the length of the longest strictly increasing subsequence.\"\"\"\n"
)

MODULE = '''import heapq
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

    def reachable(self, start):
        """Every vertex reachable from start, in breadth-first order."""
        seen = {start}
        order = []
        queue = deque([start])
        while queue:
            vertex = queue.popleft()
            order.append(vertex)
            for target, _ in self.edges[vertex]:
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        return order

    def edge_count(self):
        """The number of edges, parallel edges counted separately."""
        return sum(len(targets) for targets in self.edges.values())


def main():
    """Reads a graph from standard input and prints the distances from vertex 1."""
    data = sys.stdin.read().split()
    vertex_count, edge_count = int(data[0]), int(data[1])
    graph = Graph(vertex_count)
    for index in range(edge_count):
        source, target, weight = (int(value) for value in data[2 + 3 * index:5 + 3 * index])
        graph.add_edge(source - 1, target - 1, weight)
    print(" ".join("-1" if distance is None else str(distance) for distance in graph.shortest_paths(0)))


if __name__ == "__main__":
    main()
'''

PREFILL_PROMPT = ("Review the following Python module. Point out any bugs, explain what each method does, "
                  f"and suggest tests for it.\n\n```python\n{MODULE}```")

CHAT_PROMPT = "Write a Python function that returns the n-th Fibonacci number, with a short explanation."

parser = argparse.ArgumentParser()
parser.add_argument("model")
engine = parser.add_mutually_exclusive_group(required=True)
engine.add_argument("--proctor", help="the proctor binary to compare")
engine.add_argument("--peer-only", action="store_true", help="measure llama-cpp-python alone")
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--samples", type=int, default=10)
parser.add_argument("--tokens", type=int, default=128)
parser.add_argument("--no-batch-1", action="store_true", help="skip the --batch-size 1 (unbatched) runs of proctor")
args = parser.parse_args()


def proctor(*extra, batch_size=64):
    completed = subprocess.run(
        [args.proctor, "generate", "--model", args.model, "--threads", str(args.threads),
         "--context-size", "1024", "--batch-size", str(batch_size), *extra], capture_output=True, text=True, check=True)
    return completed.stderr


def proctor_prefill(batch_size=64):
    stderr = proctor("--prompt", PREFILL_PROMPT, "--max-tokens", "1", batch_size=batch_size)
    match = re.search(r"prompt (\d+) tokens, ([\d.]+) tokens/s", stderr)
    return int(match[1]), float(match[2])


def proctor_decode(batch_size=64):
    stderr = proctor("--prompt", SHORT_PROMPT, "--raw", "--max-tokens", str(args.tokens), "--temperature", "0",
                     batch_size=batch_size)
    match = re.search(r"generated (\d+) tokens, ([\d.]+) tokens/s", stderr)
    return int(match[1]), float(match[2])


def proctor_samples(batch_size=64):
    stderr = proctor("--prompt", CHAT_PROMPT, "--n", str(args.samples), "--max-tokens", str(args.tokens),
                     "--temperature", "0.8", "--seed", "1", batch_size=batch_size)
    match = re.search(r"prompt (\d+) tokens, .*generated (\d+) tokens in \d+ samples, [\d.]+ tokens/s decoding, "
                      r"([\d.]+) tokens/s with the prompt", stderr)
    return int(match[2]), float(match[3]), int(match[1])


llm = llama_cpp.Llama(model_path=args.model, n_ctx=1024, n_batch=512, n_threads=args.threads,
                      n_threads_batch=args.threads, verbose=False)
n_vocab = llm.n_vocab()
vocab = llama_cpp.llama_model_get_vocab(llm.model)


def special_text(token):
    return llm.detokenize([token], special=True).decode("utf-8", errors="replace") if token >= 0 else ""


def chat_ids(user):
    """The model's own chat template for one user message, tokenized as Proctor does it."""
    template = jinja2.Environment().from_string(llm.metadata["tokenizer.chat_template"])
    text = template.render(messages=[{"role": "user", "content": user}], add_generation_prompt=True, tools=None,
                           bos_token=special_text(llm.token_bos()), eos_token=special_text(llm.token_eos()))
    ids = llm.tokenize(text.encode(), add_bos=False, special=True)
    # A template may write BOS itself; otherwise BOS only when the model asks for it (as Proctor).
    if llm._model.add_bos_token() and llm.token_bos() >= 0 and ids[:1] != [llm.token_bos()]:
        ids.insert(0, llm.token_bos())
    return ids


def next_token():
    logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llm.ctx, -1), shape=(n_vocab,))
    return int(np.argmax(logits))


def llama_prefill():
    ids = chat_ids(PREFILL_PROMPT)
    llm.reset()
    start = time.perf_counter()
    llm.eval(ids)
    return len(ids), len(ids) / (time.perf_counter() - start)


def llama_decode():
    llm.reset()
    llm.eval(llm.tokenize(SHORT_PROMPT.encode(), add_bos=False, special=True))
    # Proctor's loop: the first token from the prompt's logits, one forward pass per further
    # token, stop at end of generation (not counted) or after `tokens` tokens.
    start = time.perf_counter()
    token, generated = next_token(), 0
    while not llama_cpp.llama_vocab_is_eog(vocab, token):
        generated += 1
        if generated == args.tokens:
            break
        llm.eval([token])
        token = next_token()
    return generated, generated / (time.perf_counter() - start)


def llama_samples():
    prompt = chat_ids(CHAT_PROMPT)
    llm.reset()
    generated = 0
    start = time.perf_counter()
    for index in range(args.samples):
        completion = llm.create_completion(prompt, max_tokens=args.tokens, temperature=0.8, top_k=0, top_p=1.0,
                                           min_p=0.0, repeat_penalty=1.0, seed=1 + index)
        generated += completion["usage"]["completion_tokens"]
    return generated, generated / (time.perf_counter() - start), len(prompt)


# Column 2: Proctor with --batch-size 1, i.e. without batching (the prompt a token at a time,
# the samples' tokens one forward pass each), the "before" of the batched forward pass.
measurements = (("prefill", proctor_prefill, llama_prefill), ("decode", proctor_decode, llama_decode),
                ("samples", proctor_samples, llama_samples))
results = {key: ([], [], []) for key, _, _ in measurements}
for _ in range(args.runs):
    for key, ours, theirs in measurements:
        if not args.peer_only:
            results[key][0].append(ours())
        results[key][1].append(theirs())
        if key != "decode" and not args.peer_only and not args.no_batch_1:
            results[key][2].append(ours(batch_size=1))
proctor_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
llama_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def best(runs):
    return max(run[1] for run in runs) if runs else float("nan")


def first(key, column, field):
    runs = results[key][column]
    return runs[0][field] if runs else "-"


model_name = llm.metadata.get("general.name", args.model)
print(f"{model_name}: threads {args.threads}, best of {args.runs} alternating runs"
      + (" (llama.cpp only)" if args.peer_only else ""))
print(f"prompt tokens (proctor / llama.cpp): prefill chat {first('prefill', 0, 0)} / {first('prefill', 1, 0)}, "
      f"samples chat {first('samples', 0, 2)} / {first('samples', 1, 2)}; first run generated: decode "
      f"{first('decode', 0, 0)} / {first('decode', 1, 0)} tokens, {args.samples} samples x up to {args.tokens} "
      f"tokens at temperature 0.8 {first('samples', 0, 0)} / {first('samples', 1, 0)} tokens")
if not args.peer_only and (first("prefill", 0, 0) != first("prefill", 1, 0) or first("samples", 0, 2) != first("samples", 1, 2)):
    print("WARNING: the engines' chat prompts differ in length: Proctor's chat template or tokenizer does not "
          "match the model's template as jinja2 renders it", file=sys.stderr)
print(f"{'':10} {'prefill tok/s':>14} {'decode tok/s':>13} {'n-sample tok/s':>15} {'peak RSS MB':>12}")
rows = [("llama.cpp", 1, f"{llama_peak_mb:12.0f}")]
if not args.peer_only:
    rows.insert(0, ("proctor", 0, f"{proctor_peak_mb:12.0f}"))
for name, column, peak in rows:
    print(f"{name:10} {best(results['prefill'][column]):14.1f} {best(results['decode'][column]):13.1f} "
          f"{best(results['samples'][column]):15.1f} {peak}")
if not args.peer_only and not args.no_batch_1:
    print(f"{'batch 1':10} {best(results['prefill'][2]):14.1f} {'':>13} {best(results['samples'][2]):15.1f}   "
          "(proctor --batch-size 1: no batching)")
    print("ratio proctor/llama.cpp: " + ", ".join(
        f"{key} {best(results[key][0]) / best(results[key][1]):.2f}x" for key in ("prefill", "decode", "samples")))
