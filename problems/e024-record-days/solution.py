import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    t = list(map(int, data[1:1 + n]))
    high = low = t[0]
    highs = lows = 1
    for x in t[1:]:
        if x > high:
            high = x
            highs += 1
        if x < low:
            low = x
            lows += 1
    print(highs, lows)


main()
