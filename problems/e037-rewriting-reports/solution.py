import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + 2 * n:2]))
    b = list(map(int, data[3:3 + 2 * n:2]))
    gains = sorted((y - x for x, y in zip(a, b)), reverse=True)
    total = sum(a) + sum(g for g in gains[:k] if g > 0)
    print(total)


main()
