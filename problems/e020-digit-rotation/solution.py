import sys


def main():
    n, k = sys.stdin.read().split()
    d = n
    r = int(k) % len(d)
    print(int(d[r:] + d[:r]))


main()
