import sys


def main():
    l, r, k = map(int, sys.stdin.read().split())
    print(r // k - (l - 1) // k)


main()
