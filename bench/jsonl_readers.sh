#!/usr/bin/env bash
# Which JSON Lines reader pays on a large samples file: json-c (the JSONLines module, under
# score-text and, since this benchmark, the judge's SampleReader), Foundation's JSONSerialization
# (SampleReader's parser before) and JSONDecoder (SampleRecord). Writes LINES (100,000) samples lines shaped like a real run's (a ~2 KB chat
# prompt, ~600-byte output and ~500-byte code, escapes and non-ASCII included) to .cache/bench/,
# then times `proctor bench jsonl` on it (release build, ROUNDS alternating rounds, best each).
# Usage: bench/jsonl_readers.sh [LINES] [ROUNDS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"
lines=${1:-100000} rounds=${2:-3}
proctor="$(release_proctor)"
mkdir -p .cache/bench
file=.cache/bench/samples-$lines.jsonl
"$python" - "$file" "$lines" <<'PY'
import json, random, sys
path, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(0)
words = "read the input print the answer sum of the values n lines each holding an integer \u00e9t\u00e9 \u4e2d\u6587".split()
def text(n):
    return " ".join(rng.choice(words) for _ in range(n))
with open(path, "w") as out:
    for i in range(count):
        code = "import sys\n" + "\n".join(f"x{j} = int(sys.stdin.readline())  # {text(4)}" for j in range(12)) + "\nprint(\"done\\t\", x0)\n"
        record = {"problem_id": f"p{i % 500:03d}", "checkpoint": "base", "sample_index": i // 500,
                  "output": code + "\n```\n" + text(10), "code": code, "prompt_format": "stdin-instruct",
                  "prompt": "<|im_start|>user\n" + text(330) + "<|im_end|>\n<|im_start|>assistant\n```python\n",
                  "extractor": "auto", "prompt_tokens": 480, "completion_tokens": 160, "stop_reason": "stopString",
                  "seconds": rng.random() * 10, "seed": rng.getrandbits(62)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
PY
echo "$(wc -l < "$file") lines, $(du -h "$file" | cut -f1) in $file"
"$proctor" bench jsonl "$file" --rounds "$rounds"
