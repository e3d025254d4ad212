import sys


def main():
    data = sys.stdin.read().split()
    s = data[1]
    east = 0
    pairs = 0
    for c in s:
        if c == "R":
            east += 1
        else:
            pairs += east
    print(pairs)


main()
