import sys
from collections import Counter


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    families = Counter("".join(sorted(w)) for w in data[1:1 + n])
    print(len(families), max(families.values()))


main()
