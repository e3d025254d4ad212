import sys
from collections import Counter


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    left = Counter()
    right = Counter()
    for i in range(n):
        color, side = data[1 + 2 * i], data[2 + 2 * i]
        if side == "L":
            left[color] += 1
        else:
            right[color] += 1
    print(sum(min(c, right[color]) for color, c in left.items()))


main()
