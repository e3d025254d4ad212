import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    values = sorted(set(map(int, data[2:2 + n])), reverse=True)
    print(values[k - 1] if k <= len(values) else -1)


main()
