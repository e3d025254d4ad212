import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    a = set(map(int, data[2:2 + n]))
    b = set(map(int, data[2 + n:2 + n + m]))
    common = sorted(a & b)
    print(len(common))
    if common:
        print(" ".join(map(str, common)))


main()
