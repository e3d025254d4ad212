import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    s = list(map(int, data[1:1 + n]))
    order = sorted(s, reverse=True)
    first = {}
    for position, score in enumerate(order, 1):
        if score not in first:
            first[score] = position
    sys.stdout.write("\n".join(str(first[x]) for x in s) + "\n")


main()
