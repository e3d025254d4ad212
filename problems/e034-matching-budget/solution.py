import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    first_index = {}
    for j, x in enumerate(a, 1):
        i = first_index.get(k - x)
        if i is not None:
            print(i, j)
            return
        if x not in first_index:
            first_index[x] = j
    print(-1)


main()
