import sys


def main():
    data = sys.stdin.read().split()
    h, w = int(data[0]), int(data[1])
    g = data[2:2 + h]
    count = 0
    for i in range(h - 1):
        for j in range(w - 1):
            if g[i][j] == g[i][j + 1] == g[i + 1][j] == g[i + 1][j + 1] == "#":
                count += 1
    print(count)


main()
