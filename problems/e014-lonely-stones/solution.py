import sys


def main():
    data = sys.stdin.read().split()
    h, w = int(data[0]), int(data[1])
    grid = data[2:2 + h]
    count = 0
    for i in range(h):
        for j in range(w):
            if grid[i][j] != "#":
                continue
            lonely = True
            for di, dj in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                ni, nj = i + di, j + dj
                if 0 <= ni < h and 0 <= nj < w and grid[ni][nj] == "#":
                    lonely = False
            if lonely:
                count += 1
    print(count)


main()
