import sys
from heapq import heappop, heappush


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    for i in range(m):
        u, v, c = int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])
        adj[u].append((v, c))
        adj[v].append((u, c))
    inf = float("inf")
    # state index: 2 * town + (1 if the coupon has been used)
    dist = [inf] * (2 * n + 2)
    dist[2] = 0
    heap = [(0, 2)]
    while heap:
        d, s = heappop(heap)
        if d > dist[s]:
            continue
        town, used = s >> 1, s & 1
        for nxt, c in adj[town]:
            t = 2 * nxt + used
            nd = d + c
            if nd < dist[t]:
                dist[t] = nd
                heappush(heap, (nd, t))
            if not used:
                t += 1
                nd = d + c // 2
                if nd < dist[t]:
                    dist[t] = nd
                    heappush(heap, (nd, t))
    best = min(dist[2 * n], dist[2 * n + 1])
    print(best if best < inf else -1)


main()
