#!/usr/bin/env bash
# Whether the remote backend scores as the native engine does. Greedy, one sample per problem,
# the first LIMIT corpus problems (default 20, the main job's held-out set), the default prompt
# (stdin-instruct, the reply prefilled to its ```python fence), up to 512 new tokens, generated
#   1. natively: proctor generate --model MODEL
#   2. by llama.cpp's OpenAI-compatible server (llama-cpp-python 0.3.36, .venv-inference/) on the
#      same GGUF: proctor generate --backend openai --chat-template MODEL (Proctor renders the
#      chat prompt with the model's own template, prefill included; the server completes it),
#      with repeat_penalty 1.0 sent in every request (`--request-field`): the server's default
#      is 1.1, the native engine applies none, and greedy outputs part at the first repeat.
# Both are judged by `proctor judge` and compared by `proctor report` (paired, per problem); the
# script also counts outputs identical text for text. Files stay in $OUT (runs/remote-parity-MODEL).
# Usage: bench/remote_parity.sh MODEL [LIMIT]
#   bench/remote_parity.sh qwen2.5-coder-1.5b-instruct 20
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"
source bench/lib/llama_server.sh

usage_unless 1 "$@"
model=$1 limit=${2:-20}
proctor="$(release_proctor)"
model_file="$(catalog_model "$model")"
venv="$(llama_server_venv)"
out="${OUT:-runs/remote-parity-$model}"
mkdir -p "$out"
common=(--problems problems --limit "$limit" --n 1 --temperature 0 --max-tokens 512 --seed 1)

started=$(date +%s)
"$proctor" generate --model "$model" "${common[@]}" --threads 2 --checkpoint-label native \
    --out "$out/native.jsonl" --resume
echo "native generation: $(( $(date +%s) - started )) s"

port="$(free_port)"
"$venv/bin/python" -m llama_cpp.server --model "$model_file" --host 127.0.0.1 --port "$port" \
    --n_threads 2 --n_threads_batch 2 --n_ctx 4096 --model_alias llama.cpp --verbose False \
    > "$out/llama-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
wait_for_health "http://127.0.0.1:$port/v1/models" || { cat "$out/llama-server.log" >&2; exit 1; }
started=$(date +%s)
"$proctor" generate --backend openai --base-url "http://127.0.0.1:$port/v1" --remote-model llama.cpp \
    --chat-template "$model" "${common[@]}" --concurrency 1 --checkpoint-label llama.cpp-server \
    --request-field repeat_penalty=1.0 \
    --out "$out/server.jsonl" --resume
echo "llama.cpp server generation: $(( $(date +%s) - started )) s"
kill $server 2>/dev/null || true

for side in native server; do
    "$proctor" judge --problems problems --samples "$out/$side.jsonl" --out "$out/$side-results.jsonl" --resume \
        --python "$python" >/dev/null
done
"$proctor" report "$out/native-results.jsonl" "$out/server-results.jsonl" --format md --out "$out/report.md"
"$proctor" report "$out/native-results.jsonl" "$out/server-results.jsonl" --format json --out "$out/report.json"

"$python" - "$out" <<'PY'
import json, sys
out = sys.argv[1]
def load(name):
    return {json.loads(l)["problem_id"]: json.loads(l) for l in open(f"{out}/{name}") if l.strip()}
native, server = load("native.jsonl"), load("server.jsonl")
same_prompt = sum(native[p]["prompt"] == server[p].get("prompt") for p in native if p in server)
same_output = sum(native[p]["output"] == server[p]["output"] for p in native if p in server)
print(f"{len(native)} problems: prompts identical {same_prompt}, outputs identical {same_output}")
report = json.load(open(f"{out}/report.json"))
for s in report["summaries"]:
    i = s["interval"]
    print(f"{s['checkpoint']}: pass@1 {100 * s['pass_at_1']:.1f} % ({s['solved']} of {s['problems']}), "
          f"95% {i['method']} interval {100 * i['lower']:.1f}-{100 * i['upper']:.1f} %")
for c in report.get("comparisons", []):
    print({k: c[k] for k in c if k in ("checkpoint", "baseline", "difference", "p_value", "only_checkpoint", "only_baseline", "verdict")})
PY
