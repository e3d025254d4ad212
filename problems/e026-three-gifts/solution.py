import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    p = list(map(int, data[2:2 + n]))
    best = -1
    for i in range(n):
        for j in range(i + 1, n):
            s = p[i] + p[j]
            if s >= m:
                continue
            for k in range(j + 1, n):
                t = s + p[k]
                if best < t <= m:
                    best = t
    print(best)


main()
