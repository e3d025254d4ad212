"""Single-stream prefill and decode speed of `proctor generate` against llama-cpp-python.

Usage: decode_speed.py PROCTOR_BINARY MODEL.gguf [--threads N] [--tokens N] [--runs N]

Both engines get the same raw prompt (a code prefix that does not end soon), the same thread
count and greedy decoding. Proctor reports its own prefill and decode rates on stderr;
llama.cpp is timed here around `eval` of the prompt and of each generated token. Each
engine runs `--runs` times, alternating, and the best run counts, since the machine may be
shared. Peak
resident memory: the proctor process's, and this Python process's while llama.cpp runs
(which includes the interpreter, about 30 MB).
"""
import argparse
import re
import resource
import subprocess
import time

import numpy as np
import llama_cpp

PROMPT = (
    "import sys\n\n\ndef read_ints():\n    return list(map(int, sys.stdin.readline().split()))\n\n\n"
    "def solve(n, values):\n    \"\"\"Return the length of the longest strictly increasing subsequence.\"\"\"\n"
)

parser = argparse.ArgumentParser()
parser.add_argument("proctor")
parser.add_argument("model")
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--tokens", type=int, default=128)
parser.add_argument("--runs", type=int, default=3)
args = parser.parse_args()


def proctor_run():
    completed = subprocess.run(
        [args.proctor, "generate", "--model", args.model, "--prompt", PROMPT, "--raw",
         "--max-tokens", str(args.tokens), "--temperature", "0", "--threads", str(args.threads),
         "--context-size", "1024"],
        capture_output=True, text=True, check=True)
    match = re.search(r"prompt (\d+) tokens, ([\d.]+) tokens/s; generated (\d+) tokens, ([\d.]+) tokens/s",
                      completed.stderr)
    return {"prompt_tokens": int(match[1]), "prefill": float(match[2]),
            "generated": int(match[3]), "decode": float(match[4])}


llm = llama_cpp.Llama(model_path=args.model, n_ctx=1024, n_batch=512, n_threads=args.threads,
                      n_threads_batch=args.threads, verbose=False)
n_vocab = llm.n_vocab()


def llama_run():
    ids = llm.tokenize(PROMPT.encode(), add_bos=False, special=True)
    llm.reset()
    start = time.perf_counter()
    llm.eval(ids)
    prefill_seconds = time.perf_counter() - start
    logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llm.ctx, -1), shape=(n_vocab,))
    start = time.perf_counter()
    generated = 0
    token = int(np.argmax(logits))
    # Proctor decodes the first token from the prompt's logits, then runs one forward pass per
    # further token; mirror that: tokens - 1 evaluations for `tokens` tokens.
    while generated < args.tokens - 1:
        llm.eval([token])
        generated += 1
        logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llm.ctx, -1), shape=(n_vocab,))
        token = int(np.argmax(logits))
    decode_seconds = time.perf_counter() - start
    return {"prompt_tokens": len(ids), "prefill": len(ids) / prefill_seconds,
            "generated": args.tokens, "decode": args.tokens / decode_seconds}


# Alternate the engines so both see the same background load on a shared machine.
proctor, llama = [], []
for _ in range(args.runs):
    proctor.append(proctor_run())
    llama.append(llama_run())
proctor_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
llama_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

best = lambda runs, key: max(run[key] for run in runs)
print(f"threads {args.threads}, prompt {proctor[0]['prompt_tokens']} tokens, best of {args.runs} runs")
print(f"{'':10} {'prefill tok/s':>14} {'decode tok/s':>13} {'generated':>10} {'peak RSS MB':>12}")
print(f"{'proctor':10} {best(proctor, 'prefill'):14.1f} {best(proctor, 'decode'):13.1f} {proctor[0]['generated']:10d} {proctor_peak_mb:12.0f}")
print(f"{'llama.cpp':10} {best(llama, 'prefill'):14.1f} {best(llama, 'decode'):13.1f} {llama[0]['generated']:10d} {llama_peak_mb:12.0f}")
print(f"ratio proctor/llama.cpp: prefill {best(proctor, 'prefill') / best(llama, 'prefill'):.2f}x, "
      f"decode {best(proctor, 'decode') / best(llama, 'decode'):.2f}x")
