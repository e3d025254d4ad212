"""checker.py INPUT EXPECTED ACTUAL: exit 0 if ACTUAL is a valid answer, 1 otherwise."""
import re
import sys

INTEGER = re.compile(r"-?[0-9]{1,20}")


def reject(reason):
    print(reason, file=sys.stderr)
    sys.exit(1)


def read_tokens(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace").split()


def main():
    data = read_tokens(sys.argv[1])
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    expected = read_tokens(sys.argv[2])
    actual = read_tokens(sys.argv[3])
    if not actual:
        reject("empty output")
    if not all(INTEGER.fullmatch(t) for t in actual):
        reject("output contains a token that is not an integer")
    if actual == ["-1"]:
        if expected == ["-1"]:
            sys.exit(0)
        reject("printed -1 but a valid pair exists")
    if len(actual) != 2:
        reject(f"expected two indices, got {len(actual)} tokens")
    i, j = int(actual[0]), int(actual[1])
    if not (1 <= i < j <= n):
        reject(f"indices {i} {j} do not satisfy 1 <= i < j <= N")
    if a[i - 1] + a[j - 1] != k:
        reject(f"A_{i} + A_{j} = {a[i - 1] + a[j - 1]}, not {k}")
    sys.exit(0)


main()
