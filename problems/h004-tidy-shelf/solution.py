import sys


def count_greater_before(values, size):
    """Number of pairs i < j with values[i] > values[j]; values are ranks in 1..size."""
    tree = [0] * (size + 1)
    seen = 0
    pairs = 0
    for x in values:
        # count earlier values <= x
        i = x
        not_greater = 0
        while i > 0:
            not_greater += tree[i]
            i &= i - 1
        pairs += seen - not_greater
        seen += 1
        i = x
        while i <= size:
            tree[i] += 1
            i += i & -i
    return pairs


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    rank = {v: r for r, v in enumerate(sorted(set(a)), 1)}
    size = len(rank)
    ranks = [rank[x] for x in a]
    to_increasing = count_greater_before(ranks, size)
    to_decreasing = count_greater_before([size + 1 - r for r in ranks], size)
    print(min(to_increasing, to_decreasing))


main()
