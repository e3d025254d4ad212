#!/usr/bin/env bash
# Does a committed adapter come out of its committed command again? Reads the command from
# adapters/NAME/README.md, runs it with the output redirected to .cache/reproduce/NAME (a rerun
# resumes from the last checkpoint), and compares the new weights' SHA-256 with the one the README
# records. Exits 1 when they differ. Same machine, same thread count: another CPU may sum floats in
# another order.
# Usage: bench/adapter_retrain.sh ADAPTER-NAME (a folder under adapters/)
#   bench/adapter_retrain.sh qwen1.5b-deep      (about 50 minutes on 2 cores beside other work)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"

usage_unless 1 "$@"
name=$1
readme=adapters/$name/README.md
[[ -f "$readme" ]] || { echo "$readme: no such file" >&2; exit 2; }
command=$(sed -n 's/^- \*\*Command\*\*: `\(.*\)`$/\1/p' "$readme")
recorded=$(sed -n 's/^- \*\*SHA-256\*\* of adapter_model.safetensors: `\([0-9a-f]*\)`$/\1/p' "$readme")
[[ -n "$command" ]] || { echo "$readme: no '- **Command**: \`...\`' line" >&2; exit 2; }
[[ -n "$recorded" ]] || { echo "$readme: no '- **SHA-256** of adapter_model.safetensors' line" >&2; exit 2; }
read -r -a words <<< "$command"
[[ "${words[0]}" == scripts/train-adapter.sh && "${words[2]}" == "adapters/$name" ]] \
    || { echo "$readme: the command is not 'scripts/train-adapter.sh MODEL adapters/$name ...'" >&2; exit 2; }
out=.cache/reproduce/$name
words[2]=$out
mkdir -p "$out"
echo "retraining: ${words[*]}"
started=$(date +%s)
"${words[@]}"
echo "training took $(( $(date +%s) - started )) s"
fresh=$(sha256sum "$out/adapter_model.safetensors" | cut -d' ' -f1)
echo "recorded in $readme  $recorded"
echo "retrained                  $fresh"
if [[ "$fresh" == "$recorded" ]]; then echo "identical"; else echo "DIFFERENT"; exit 1; fi
