import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))

    def pages(t):
        return sum(t // x for x in a)

    lo, hi = 0, min(a) * m  # pages(lo) < m <= pages(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if pages(mid) >= m:
            hi = mid
        else:
            lo = mid
    print(hi)


main()
