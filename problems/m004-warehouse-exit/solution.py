import sys
from collections import deque


def main():
    data = sys.stdin.read().split()
    h, w = int(data[0]), int(data[1])
    grid = "".join(data[2:2 + h])
    start = grid.index("S")
    dist = [-1] * (h * w)
    dist[start] = 0
    queue = deque([start])
    while queue:
        v = queue.popleft()
        if grid[v] == "E":
            print(dist[v])
            return
        r, c = divmod(v, w)
        d = dist[v] + 1
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if 0 <= nr < h and 0 <= nc < w:
                u = nr * w + nc
                if dist[u] < 0 and grid[u] != "#":
                    dist[u] = d
                    queue.append(u)
    print(-1)


main()
