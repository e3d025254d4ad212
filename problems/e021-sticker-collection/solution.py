import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    kinds = len(set(data[1:1 + n]))
    print(kinds, n - kinds)


main()
