#!/usr/bin/env bash
# ROUGE-L + ROUGE-Lsum (stemming) on a generated corpus: `proctor bench text` (release build,
# 1 and 2 workers) against rouge-score 0.1.2 and, when it installs, rouge-score-rs (1 and 2 threads).
# Same corpus, same machine, same run. PAIRS=100000 by default.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pairs="${PAIRS:-100000}"
work="${BENCH_DIR:-$repo_root/.build/bench}"
mkdir -p "$work"
venv="$(bash "$repo_root/scripts/fixtures/make_venv.sh" | tail -n 1)"
python="$venv/bin/python"
corpus="$work/rouge_corpus_$pairs.jsonl"
[[ -s "$corpus" ]] || "$python" "$repo_root/bench/text_metrics_reference.py" generate "$corpus" "$pairs"

cd "$repo_root"
flock /tmp/swift-build.lock swift build -c release --product proctor >/dev/null
proctor="$(swift build -c release --show-bin-path)/proctor"

results="$work/results.jsonl"
: > "$results"
"$proctor" bench text "$corpus" --workers 1 --json | sed 's/^{/{"tool": "proctor-1", /' | tee -a "$results"
"$proctor" bench text "$corpus" --workers 2 --json | sed 's/^{/{"tool": "proctor-2", /' | tee -a "$results"
if "$python" -c "import rouge_score_rs" 2>/dev/null; then
    RAYON_NUM_THREADS=1 "$python" bench/text_metrics_reference.py rouge-score-rs "$corpus" \
        | sed 's/"rouge-score-rs"/"rouge-score-rs-1"/' | tee -a "$results"
    RAYON_NUM_THREADS=2 "$python" bench/text_metrics_reference.py rouge-score-rs "$corpus" \
        | sed 's/"rouge-score-rs"/"rouge-score-rs-2"/' | tee -a "$results"
fi
"$python" bench/text_metrics_reference.py rouge-score "$corpus" | tee -a "$results"

"$python" - "$results" <<'PY'
import json, sys
rows = {r["tool"]: r for r in map(json.loads, open(sys.argv[1]))}
reference = rows["rouge-score"]
print(f"\n{'tool':<18}{'seconds':>10}{'pairs/s':>12}  same sums as rouge-score")
for name, row in rows.items():
    same = row["rougeLSum"] == reference["rougeLSum"] and row["rougeLsumSum"] == reference["rougeLsumSum"]
    print(f"{name:<18}{row['seconds']:>10.3f}{row['pairs'] / row['seconds']:>12.0f}  {same}")
def ratio(a, b):
    if a in rows and b in rows:
        print(f"{a} vs {b}: {rows[b]['seconds'] / rows[a]['seconds']:.1f}x faster")
print()
ratio("proctor-1", "rouge-score")
ratio("proctor-2", "rouge-score")
ratio("proctor-1", "rouge-score-rs-1")
ratio("proctor-2", "rouge-score-rs-2")
ratio("proctor-2", "proctor-1")
PY
