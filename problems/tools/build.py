#!/usr/bin/env python3
"""Builds and checks problem folders: run gen.py, write .out files from solution.py, validate layout."""
import json
import os
import subprocess
import sys
import time

MAX_TEST_BYTES = 256 * 1024
MAX_PROBLEM_BYTES = 1024 * 1024
REQUIRED_FIELDS = {"id": str, "title": str, "difficulty": str, "time_limit_s": (int, float),
                   "memory_limit_mb": int, "checker": dict, "samples": list, "tags": list}


def fail(problem, message):
    print(f"{problem}: {message}", file=sys.stderr)
    return False


def run_solution(folder, input_path):
    with open(input_path, "rb") as stdin:
        started = time.monotonic()
        done = subprocess.run([sys.executable, "solution.py"], cwd=folder, stdin=stdin,
                              capture_output=True, timeout=60)
        return done, time.monotonic() - started


def tokens_equal(a, b):
    return a.split() == b.split()


def process(folder, check_only):
    name = os.path.basename(os.path.normpath(folder))
    meta_path = os.path.join(folder, "problem.json")
    try:
        with open(meta_path) as f:
            meta = json.load(f)
    except (OSError, ValueError) as e:
        return fail(name, f"problem.json: {e}")
    for field, kind in REQUIRED_FIELDS.items():
        if not isinstance(meta.get(field), kind):
            return fail(name, f"problem.json: field '{field}' missing or of the wrong type")
    if meta["id"] != name:
        return fail(name, f"problem.json: id '{meta['id']}' differs from the folder name")
    if meta["difficulty"] not in ("easy", "medium", "hard"):
        return fail(name, "problem.json: difficulty must be easy, medium or hard")
    for required in ("statement.md", "solution.py", "gen.py"):
        if not os.path.isfile(os.path.join(folder, required)):
            return fail(name, f"missing {required}")
    tests_dir = os.path.join(folder, "tests")
    if not check_only:
        subprocess.run([sys.executable, "gen.py"], cwd=folder, check=True)
    inputs = sorted(f[:-3] for f in os.listdir(tests_dir) if f.endswith(".in"))
    if len(inputs) < 10:
        return fail(name, f"only {len(inputs)} tests; at least 10 are required")
    for sample in meta["samples"]:
        if sample not in inputs:
            return fail(name, f"sample '{sample}' has no tests/{sample}.in")
    slowest = 0.0
    for test in inputs:
        in_path = os.path.join(tests_dir, test + ".in")
        out_path = os.path.join(tests_dir, test + ".out")
        done, seconds = run_solution(folder, in_path)
        slowest = max(slowest, seconds)
        if done.returncode != 0:
            return fail(name, f"solution.py failed on {test}: {done.stderr.decode(errors='replace')[-500:]}")
        if check_only:
            with open(out_path, "rb") as f:
                expected = f.read().decode()
            if not tokens_equal(expected, done.stdout.decode()):
                return fail(name, f"solution.py output differs from tests/{test}.out")
        else:
            with open(out_path, "wb") as f:
                f.write(done.stdout)
        if os.path.getsize(in_path) > MAX_TEST_BYTES or os.path.getsize(out_path) > MAX_TEST_BYTES:
            return fail(name, f"test {test} is over {MAX_TEST_BYTES} bytes")
    total = sum(os.path.getsize(os.path.join(root, f)) for root, _, files in os.walk(folder) for f in files)
    if total > MAX_PROBLEM_BYTES:
        return fail(name, f"problem folder is {total} bytes, over {MAX_PROBLEM_BYTES}")
    if slowest > meta["time_limit_s"] / 2:
        return fail(name, f"solution.py took {slowest:.2f} s on one test, over half the time limit")
    print(f"{name}: ok, {len(inputs)} tests, slowest {slowest:.2f} s")
    return True


def main():
    args = sys.argv[1:]
    check_only = "--check" in args
    folders = [a for a in args if a != "--check"]
    if not folders:
        print("usage: build.py [--check] problems/ID ...", file=sys.stderr)
        return 2
    results = [process(folder, check_only) for folder in folders]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
