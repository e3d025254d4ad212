import random


def write(name, h, queries):
    with open(f"tests/{name}.in", "w") as f:
        f.write(f"{len(h)} {len(queries)}\n")
        f.write(" ".join(map(str, h)) + "\n")
        f.write("".join(f"{s} {t}\n" for s, t in queries))


rng = random.Random(1001001)
MAXH = 10**5

# 10: maximum size, random altitudes, long queries in both directions
n = q = 10**4
h = [rng.randint(1, MAXH) for _ in range(n)]
queries = []
for _ in range(q):
    a, b = rng.randint(1, 300), rng.randint(n - 300, n)
    queries.append((a, b) if rng.random() < 0.5 else (b, a))
write("10", h, queries)

# 11: maximum size, zig-zag between 1 and 10^5 (largest answers), uniformly random queries
h = [1 if i % 2 == 0 else MAXH for i in range(n)]
queries = [(rng.randint(1, n), rng.randint(1, n)) for _ in range(q)]
queries[0] = (1, n)
queries[1] = (n, 1)
write("11", h, queries)

# 12: smooth random walk, medium size
n, q = 3000, 2000
h = [rng.randint(40000, 60000)]
for _ in range(n - 1):
    h.append(min(MAXH, max(1, h[-1] + rng.randint(-50, 50))))
queries = [(rng.randint(1, n), rng.randint(1, n)) for _ in range(q)]
write("12", h, queries)

# 13: strictly increasing altitudes: backward walks climb nothing
n, q = 2000, 1000
h = sorted(rng.sample(range(1, MAXH + 1), n))
queries = [(rng.randint(1, n), rng.randint(1, n)) for _ in range(q)]
write("13", h, queries)

# 14: small random with many equal altitudes and s = t queries
n, q = 50, 200
h = [rng.randint(1, 3) for _ in range(n)]
queries = [(rng.randint(1, n), rng.randint(1, n)) for _ in range(q)]
queries += [(i, i) for i in range(1, 11)]
write("14", h, queries)
