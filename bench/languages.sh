#!/usr/bin/env bash
# What judging costs per language, and what the sandbox adds to it. For each language, SAMPLES
# copies of a sum program (bench/languages/sum.*) are judged by `proctor judge --workers 1` on a
# problem with TESTS tests (compile once per sample in the sandbox, then every test in the
# sandbox), against a peer that does the same work bare: the same compiler command, flags and
# environment (the judge's base environment; Node.js without OpenSSL's configuration), then the program
# on every test with its output compared, from a shell loop. Rounds alternate
# the two. Also `proctor bench sandbox` on a C++ program that does nothing: one sandboxed run
# against a bare spawn. Release build; run it with nothing else running.
# Usage: bench/languages.sh [SAMPLES] [TESTS] [ROUNDS] [LANGUAGES (comma-separated ids)]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prologue.sh"
samples=${1:-10} tests=${2:-10} rounds=${3:-2} languages=${4:-python,c,cpp17,rust,go,java,javascript}
proctor="$(release_proctor)"
work="$(mktemp -d /tmp/proctor-bench-languages-XXXXXX)"
trap 'rm -rf "$work"' EXIT

# The problem: read A and B, print A+B.
problem="$work/sum"
mkdir -p "$problem/tests"
cat > "$problem/problem.json" <<JSON
{"id": "sum", "title": "Sum", "difficulty": "easy", "time_limit_s": 2, "memory_limit_mb": 256,
 "checker": {"type": "tokens"}, "samples": ["01"], "tags": []}
JSON
echo "Print A+B." > "$problem/statement.md"
for i in $(seq 1 "$tests"); do
    name=$(printf "%02d" "$i")
    echo "$((i * 7919)) $((i * 104729))" > "$problem/tests/$name.in"
    echo "$((i * 7919 + i * 104729))" > "$problem/tests/$name.out"
done

declare -A extension=([python]=py [c]=c [cpp17]=cpp [rust]=rs [go]=go [java]=java [javascript]=js)

# The environment the judge gives every run (PreparedCommand.baseEnvironment): the peer's runs get
# it too, so that nothing in this shell's environment (NODE_EXTRA_CA_CERTS, say) changes their cost.
clean=(PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 LC_ALL=C.UTF-8 PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1
       PYTHONIOENCODING=utf-8 OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 HOME=/tmp TMPDIR=/tmp)

# The peer: compile once per sample (fresh directory, as the judge's build directory), then run
# every test and compare the output, with nothing around it.
peer() {
    local language=$1 source=bench/languages/sum.${extension[$1]}
    for sample in $(seq 1 "$samples"); do
        local dir="$work/peer-$language-$sample"
        rm -rf "$dir" && mkdir -p "$dir"
        local run=("$dir/main")
        case $language in
            python) cp "$source" "$dir/main.py"; run=("$python" -s "$dir/main.py") ;;
            c) gcc -std=gnu11 -O2 -pipe -o "$dir/main" "$source" -lm ;;
            cpp17) g++ -std=gnu++17 -O2 -pipe -o "$dir/main" "$source" ;;
            rust) rustc --edition 2021 -O -o "$dir/main" "$source" ;;
            go) cp "$source" "$dir/main.go"
                (cd "$dir" && HOME="$dir" GOCACHE="$dir/cache" CGO_ENABLED=0 GO111MODULE=off go build -o main main.go) ;;
            java) cp "$source" "$dir/Main.java"
                javac -J-Xmx512m -J-XX:+UseSerialGC -J-XX:-UsePerfData -J-XX:TieredStopAtLevel=1 -encoding UTF-8 \
                    -d "$dir" "$dir/Main.java"
                run=(java -Xmx192m -Xss64m -XX:+UseSerialGC -XX:-UsePerfData -cp "$dir" Main) ;;
            javascript) cp "$source" "$dir/main.js"; env -i "${clean[@]}" OPENSSL_CONF=/dev/null node --check "$dir/main.js"
                run=(env OPENSSL_CONF=/dev/null node --max-old-space-size=192 --stack-size=65500 "$dir/main.js") ;;
        esac
        run=(env -i "${clean[@]}" "${run[@]}")
        for input in "$problem"/tests/*.in; do
            [[ "$("${run[@]}" < "$input")" == "$(cat "${input%.in}.out")" ]] || { echo "peer: wrong answer ($language)" >&2; exit 1; }
        done
    done
}

ours() {
    local language=$1 file="$work/samples-$1.jsonl"
    "$python" - "$file" "bench/languages/sum.${extension[$1]}" "$language" "$samples" <<'PY'
import json, sys
path, source, language, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
code = open(source).read()
with open(path, "w") as out:
    for index in range(count):
        out.write(json.dumps({"problem_id": "sum", "checkpoint": "bench", "sample_index": index, "code": code,
                              "language": language}) + "\n")
PY
    "$proctor" judge --problems "$problem" --samples "$file" --out "$work/results-$language.jsonl" --workers 1 \
        --all-tests > "$work/judge.log" 2>&1 || { cat "$work/judge.log" >&2; exit 1; }
    grep -q "accepted $samples\$" "$work/judge.log" || { echo "proctor: not every sample accepted ($language)" >&2; cat "$work/judge.log" >&2; exit 1; }
}

seconds() { local start=$EPOCHREALTIME; "$@"; echo "$EPOCHREALTIME - $start" | bc; }

echo "# $samples samples × $tests tests per language, $rounds alternating rounds, best of each; one worker"
printf "%-11s %12s %12s %8s %14s\n" language "proctor s" "bare s" ratio "ms per test"
IFS=, read -ra chosen <<< "$languages"
for language in "${chosen[@]}"; do
    best_ours=999999 best_peer=999999
    for round in $(seq 1 "$rounds"); do
        o=$(seconds ours "$language"); p=$(seconds peer "$language")
        best_ours=$(echo "if ($o < $best_ours) $o else $best_ours" | bc)
        best_peer=$(echo "if ($p < $best_peer) $p else $best_peer" | bc)
    done
    printf "%-11s %12.2f %12.2f %7.2fx %14.1f\n" "$language" "$best_ours" "$best_peer" \
        "$(echo "$best_ours / $best_peer" | bc -l)" "$(echo "$best_ours * 1000 / ($samples * $tests)" | bc -l)"
done

echo
echo "# one run of a C++ program that does nothing: sandboxed against a bare spawn"
printf 'int main() { return 0; }\n' > "$work/empty.cpp"
g++ -O2 -o "$work/empty" "$work/empty.cpp"
"$proctor" bench sandbox --runs 50 -- "$work/empty"
