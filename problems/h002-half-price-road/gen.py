import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, n, edges):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{n} {len(edges)}\n" + "".join(f"{u} {v} {c}\n" for u, v, c in edges))


def toll(rng, lo=1, hi=10**6):
    return 2 * rng.randint(lo, hi)


def random_graph(rng, n, m, hi=10**6):
    edges = []
    # a random spanning tree first, so that the graph is connected
    order = list(range(1, n + 1))
    rng.shuffle(order)
    for i in range(1, n):
        edges.append((order[i], order[rng.randrange(i)], toll(rng, 1, hi)))
    while len(edges) < m:
        u, v = rng.randint(1, n), rng.randint(1, n)
        if u != v:
            edges.append((u, v, toll(rng, 1, hi)))
    rng.shuffle(edges)
    return edges


rng = random.Random(102)
write("09", 8, random_graph(rng, 8, 12, 50))
write("10", 200, random_graph(rng, 200, 400))
write("11", 10**4, random_graph(rng, 10**4, 10**4))
write("12", 5000, random_graph(rng, 5000, 10**4))
# a long path listed from the far end, plus expensive shortcuts (slow for Bellman-Ford)
n = 10**4
edges = [(i, i + 1, toll(rng, 1, 100)) for i in range(n - 1, 0, -1)]
edges.append((1, n, 2 * 10**6))
write("13", n, edges)
# two big components: town N is unreachable
n = 10**4
edges = []
for i in range(2, n // 2 + 1):
    edges.append((rng.randint(1, i - 1), i, toll(rng)))
for i in range(n // 2 + 2, n + 1):
    edges.append((rng.randint(n // 2 + 1, i - 1), i, toll(rng)))
rng.shuffle(edges)
write("14", n, edges)
# many parallel roads between consecutive towns
n = 2500
edges = []
for i in range(1, n):
    for _ in range(4):
        edges.append((i, i + 1, toll(rng)))
rng.shuffle(edges)
write("15", n, edges)
