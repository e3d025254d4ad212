import sys


def main():
    s, t = sys.stdin.read().split()
    count = sum(1 for i in range(len(s) - len(t) + 1) if s[i:i + len(t)] == t)
    print(count)


main()
