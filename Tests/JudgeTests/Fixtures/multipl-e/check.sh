#!/usr/bin/env bash
# Judges every line of completions-cpp.jsonl / completions-java.jsonl outside any
# sandbox (the completions are this folder's own, harmless code) and compares the
# verdict with the line's "expected".
#
#   bash check.sh            # both languages
#   bash check.sh cpp        # or: java
#
# A program is assembled as MultiPL-E does: prompt + completion + "\n" + tests.
# C++:  g++ -std=c++17 -O2, then run the binary.
# Java: javac -encoding UTF8 into a fresh directory, then java -ea Problem, with
#       javatuples on the class path ($JAVATUPLES_JAR, else Debian's
#       /usr/share/java/javatuples.jar, else an empty placeholder package
#       org.javatuples so that the prompts' `import org.javatuples.*;` resolves).
# Each run gets RUN_TIMEOUT seconds (default 5); compiling gets COMPILE_TIMEOUT (60).
# Observed verdict: CE if the compiler fails, TLE on timeout, AC on exit 0,
# WA if stderr shows a failed assertion (C++ "Assertion `...' failed.",
# Java "java.lang.AssertionError"), RE otherwise.
# Exits 1 if any observed verdict differs from the expected one.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
langs=("$@")
[ $# -eq 0 ] && langs=(cpp java)
RUN_TIMEOUT="${RUN_TIMEOUT:-5}"
COMPILE_TIMEOUT="${COMPILE_TIMEOUT:-60}"
PYTHON="${PYTHON:-python3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/multipl-e-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

javatuples_cp() {
    if [ -n "${JAVATUPLES_JAR:-}" ] && [ -f "$JAVATUPLES_JAR" ]; then echo "$JAVATUPLES_JAR"; return; fi
    if [ -f /usr/share/java/javatuples.jar ]; then echo /usr/share/java/javatuples.jar; return; fi
    mkdir -p "$work/stub/src/org/javatuples" "$work/stub/classes"
    printf 'package org.javatuples;\n/** Placeholder: lets `import org.javatuples.*;` compile. */\npublic final class Placeholder {}\n' \
        > "$work/stub/src/org/javatuples/Placeholder.java"
    javac -d "$work/stub/classes" "$work/stub/src/org/javatuples/Placeholder.java" >&2
    echo "check.sh: no javatuples jar; using an empty org.javatuples placeholder" >&2
    echo "$work/stub/classes"
}

total_pass=0
total_fail=0
declare -A count
for lang in "${langs[@]}"; do
    problems="$here/humaneval-$lang.jsonl"
    completions="$here/completions-$lang.jsonl"
    [ -f "$problems" ] && [ -f "$completions" ] || { echo "missing $problems or $completions" >&2; exit 2; }
    # Write one assembled program per completion line; print "index<TAB>name<TAB>expected".
    "$PYTHON" - "$problems" "$completions" "$work/$lang" "$lang" > "$work/$lang.index" <<'PY' || exit 2
import json, os, sys
problems_path, completions_path, out, lang = sys.argv[1:]
problems = {}
for line in open(problems_path):
    p = json.loads(line)
    problems[p["name"]] = p
os.makedirs(out, exist_ok=True)
verdicts = {name: set() for name in problems}
for i, line in enumerate(open(completions_path)):
    c = json.loads(line)
    p = problems[c["name"]]
    assert c["language"] == lang == p["language"], f"line {i + 1}: language"
    assert c["expected"] in ("AC", "WA", "CE", "RE", "TLE"), f"line {i + 1}: expected"
    # A completion is what is left of a model's output once cut at the first stop token.
    for stop in p["stop_tokens"]:
        assert stop not in c["completion"], f"line {i + 1}: completion holds a stop token"
    verdicts[c["name"]].add(c["expected"])
    program = p["prompt"] + c["completion"] + "\n" + p["tests"]
    d = os.path.join(out, str(i))
    os.makedirs(d)
    with open(os.path.join(d, "Problem.java" if lang == "java" else "program.cpp"), "w") as f:
        f.write(program)
    print(f"{i}\t{c['name']}\t{c['expected']}")
for name, seen in verdicts.items():
    assert "AC" in seen and len(seen) > 1, f"{name}: needs a correct and a wrong completion"
PY
    cp=""
    [ "$lang" = java ] && cp="$(javatuples_cp)"
    pass=0; fail=0
    while IFS=$'\t' read -r i name expected; do
        d="$work/$lang/$i"
        detail=""
        if [ "$lang" = cpp ]; then
            if ! timeout "$COMPILE_TIMEOUT" g++ -std=c++17 -O2 -o "$d/prog" "$d/program.cpp" 2> "$d/compile.err"; then
                observed=CE
            else
                # the subshell keeps bash's "Aborted"/"Segmentation fault" notices off the report
                ( timeout "$RUN_TIMEOUT" "$d/prog" > "$d/out" 2> "$d/err" < /dev/null; exit $? ) 2> /dev/null
                status=$?
            fi
        else
            mkdir -p "$d/classes"
            if ! timeout "$COMPILE_TIMEOUT" javac -encoding UTF8 -cp "$cp" -d "$d/classes" "$d/Problem.java" 2> "$d/compile.err"; then
                observed=CE
            else
                ( timeout "$RUN_TIMEOUT" java -ea -cp "$d/classes:$cp" Problem > "$d/out" 2> "$d/err" < /dev/null; exit $? ) 2> /dev/null
                status=$?
            fi
        fi
        if [ ! -f "$d/err" ]; then
            detail="$(grep -m1 -E 'error' "$d/compile.err" | sed -E 's#^.*/(program\.cpp|Problem\.java):##' | cut -c1-90)"
        elif [ "$status" -eq 124 ]; then
            observed=TLE; detail="killed after ${RUN_TIMEOUT}s"
        elif [ "$status" -eq 0 ]; then
            observed=AC; detail="exit 0"
        else
            if [ "$status" -gt 128 ]; then detail="exit $status (signal $((status - 128)))"; else detail="exit $status"; fi
            first="$(grep -m1 -E "Assertion .* failed|AssertionError|terminate called|Exception in thread|Error" "$d/err" | sed -E 's#^.*/prog: ##; s#^[^ ]*/program\.cpp:#program.cpp:#' | cut -c1-80)"
            [ -n "$first" ] && detail="$detail: $first"
            if grep -qE "Assertion .* failed|java\.lang\.AssertionError" "$d/err"; then observed=WA; else observed=RE; fi
        fi
        if [ "$observed" = "$expected" ]; then mark=ok; pass=$((pass + 1)); else mark=MISMATCH; fail=$((fail + 1)); fi
        count["$lang $expected"]=$(( ${count["$lang $expected"]:-0} + 1 ))
        printf '%-5s %-42s expected %-3s observed %-3s %-8s %s\n' "$lang" "$name" "$expected" "$observed" "$mark" "$detail"
    done < "$work/$lang.index"
    echo "$lang: $((pass + fail)) completions, $pass as expected, $fail not"
    total_pass=$((total_pass + pass)); total_fail=$((total_fail + fail))
done
for key in "${!count[@]}"; do echo "  expected $key: ${count[$key]}"; done | sort
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
