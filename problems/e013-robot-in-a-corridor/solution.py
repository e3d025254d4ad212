import sys


def main():
    data = sys.stdin.read().split()
    n, m, x = int(data[0]), int(data[1]), int(data[2])
    s = data[3]
    bumps = 0
    for c in s:
        if c == "L":
            if x == 0:
                bumps += 1
            else:
                x -= 1
        else:
            if x == m:
                bumps += 1
            else:
                x += 1
    print(x, bumps)


main()
