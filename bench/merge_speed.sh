#!/usr/bin/env bash
# Merge speed: `proctor merge` (release build; load + merge + write) against PEFT's
# add_weighted_adapter (merge only, adapters already loaded) on two rank-16 adapters with
# Qwen2.5-1.5B's module shapes, for ties (density 0.2) and svd (rank 16). Best of RUNS runs each
# (PEFT's svd once: minutes). PEFT computes the full SVD of every ΔW; Proctor truncates the
# product of the factors through QR (same result, see docs/ARCHITECTURE.md). Release-builds
# proctor first (or takes PROCTOR_BIN).
# Usage: [METHODS="ties svd"] bench/merge_speed.sh [RUNS]   (default 3 runs)
# METHODS=ties skips svd, whose PEFT run takes half an hour on 2 cores.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"

usage_unless 0 "$@"
runs="${1:-3}"
venv="$(scripts/fixtures/make_torch_venv.sh)"
proctor="$(release_proctor)"
work="$(mktemp -d /tmp/proctor-merge-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

"$venv/bin/python" bench/merge_speed.py make "$work"
echo "adapters: $(du -sh "$work/a" | cut -f1) each; machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

best() { sort -g | head -1; }
for method in ${METHODS:-ties svd}; do
    case $method in
        ties) options=(--density 0.2); peft_runs=$runs ;;
        svd) options=(--svd-rank 16); peft_runs=1 ;;
    esac
    proctor_times=()
    for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        "$proctor" merge --method $method --weights 0.5,0.5 "${options[@]}" "$work/a" "$work/b" --out "$work/out-$method" >/dev/null
        proctor_times+=("$(echo "$(date +%s.%N) - $start" | bc)")
    done
    peft_times=()
    for _ in $(seq "$peft_runs"); do
        peft_times+=("$("$venv/bin/python" bench/merge_speed.py peft "$work" $method 2>/dev/null | tail -1)")
    done
    proctor_best=$(printf '%s\n' "${proctor_times[@]}" | best)
    peft_best=$(printf '%s\n' "${peft_times[@]}" | best)
    printf '%-5s proctor merge %7.2f s (best of %d)   PEFT add_weighted_adapter %7.2f s (best of %d)   PEFT/proctor = %.1fx\n' \
        $method "$proctor_best" "$runs" "$peft_best" "$peft_runs" "$(echo "$peft_best / $proctor_best" | bc -l)"
done
