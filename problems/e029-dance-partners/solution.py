import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = sorted(map(int, data[1:1 + n]))
    b = sorted(map(int, data[1 + n:1 + 2 * n]))
    print(max(abs(x - y) for x, y in zip(a, b)))


main()
