import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, t = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    best = None
    for i in range(n):
        for j in range(i + 1, n):
            d = abs(a[i] + a[j] - t)
            if best is None or d < best:
                best = d
    print(best)


main()
