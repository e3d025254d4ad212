import sys


def main():
    x, k = map(int, sys.stdin.read().split())
    # Exact integer arithmetic: round |X| / K half up, then restore the sign.
    q = (2 * abs(x) + k) // (2 * k)
    print(q if x >= 0 else -q)


main()
