import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, n, queries):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{n} {len(queries)}\n" + "".join(" ".join(map(str, t)) + "\n" for t in queries))


def random_queries(rng, n, q, weights=(4, 4, 2), hi=None):
    # students are drawn from 1..hi (default: all N students)
    hi = hi or n
    queries = []
    for _ in range(q):
        kind = rng.choices((1, 2, 3), weights)[0]
        if kind == 3:
            queries.append((3, rng.randint(1, hi)))
        else:
            queries.append((kind, rng.randint(1, hi), rng.randint(1, hi)))
    if all(t[0] == 1 for t in queries):
        queries.append((3, 1))
    return queries


rng = random.Random(103)
Q = 15000
write("08", 10, random_queries(rng, 10, 40))
write("09", 1000, random_queries(rng, 1000, 3000))
write("10", 10**5, random_queries(rng, 10**5, Q, (4, 4, 2), 9000))
write("11", 2000, random_queries(rng, 2000, 6000, (3, 5, 2)))
# long chain built in increasing order, then questions about its far ends
n = 10**5
queries = [(1, i + 1, i) for i in range(1, 7501)]
for _ in range(Q - len(queries)):
    queries.append(rng.choice([(2, 1, rng.randint(1, 7502)), (3, rng.randint(1, 7501)), (2, 7501, rng.randint(7000, n))]))
write("12", n, queries)
# the same chain built in the opposite direction
queries = [(1, i, i + 1) for i in range(7500, 0, -1)]
for _ in range(Q - len(queries)):
    queries.append(rng.choice([(2, 7501, rng.randint(1, 7502)), (3, rng.randint(1, 7501)), (2, 1, rng.randint(1, n))]))
write("13", n, queries)
# repeated merges of students already in one club, self-queries
n = 10**5
queries = []
for _ in range(2000):
    queries.append((1, rng.randint(1, 50), rng.randint(1, 50)))
    queries.append((2, rng.randint(1, 60), rng.randint(1, 60)))
    u = rng.randint(1, n)
    queries.append((2, u, u) if rng.random() < 0.5 else (3, u))
write("14", n, queries)
# no merges at all
write("15", n, [(2, rng.randint(1, n), rng.randint(1, n)) if i % 2 else (3, rng.randint(1, n)) for i in range(4000)])
