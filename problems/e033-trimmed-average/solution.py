import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = sorted(map(int, data[2:2 + n]))
    kept = a[k:n - k]
    print(f"{sum(kept) / len(kept):.10f}")


main()
