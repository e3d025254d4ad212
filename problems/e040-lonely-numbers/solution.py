import sys
from collections import Counter


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = data[1:1 + n]
    counts = Counter(a)
    lonely = [x.decode() for x in a if counts[x] == 1]
    print(" ".join(lonely) if lonely else -1)


main()
