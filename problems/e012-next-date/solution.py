import sys


def is_leap(y):
    return (y % 4 == 0 and y % 100 != 0) or y % 400 == 0


def main():
    y, m, d = map(int, sys.stdin.read().split()[0].split("/"))
    lengths = [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    d += 1
    if d > lengths[m - 1]:
        d = 1
        m += 1
        if m > 12:
            m = 1
            y += 1
    print(f"{y:04d}/{m:02d}/{d:02d}")


main()
