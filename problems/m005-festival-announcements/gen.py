import random


def write(name, intervals):
    with open(f"tests/{name}.in", "w") as f:
        f.write(f"{len(intervals)}\n" + "".join(f"{l} {r}\n" for l, r in intervals))


rng = random.Random(5005005)
N = 10**4
T = 10**6

# 12: maximum size, pairwise disjoint short stays in random order -> answer N
starts = sorted(rng.sample(range(T // 50), N))
iv = [(s * 50 + 1, s * 50 + rng.randint(1, 50)) for s in starts]
rng.shuffle(iv)
write("12", iv)

# 13: maximum size, random short stays (answer close to N)
iv = []
for _ in range(N):
    l = rng.randint(1, T)
    iv.append((l, min(T, l + rng.randint(0, 60))))
write("13", iv)

# 14: maximum size, random stays of any length
iv = []
for _ in range(N):
    a, b = sorted((rng.randint(1, T), rng.randint(1, T)))
    iv.append((a, b))
write("14", iv)

# 15: maximum size, chain of stays touching at their ends
iv = [(i * 50 + 1, i * 50 + 51) for i in range(N)]
rng.shuffle(iv)
write("15", iv)

# 16: maximum size, all stays contain time 500000
iv = [(rng.randint(1, 500000), rng.randint(500000, T)) for _ in range(N)]
write("16", iv)

# 17: maximum size, single points, many repeated
iv = [(x, x) for x in (rng.randint(1, 3000) for _ in range(N))]
write("17", iv)

# 18: medium size, stays with lengths of mixed scale
iv = []
for _ in range(2000):
    l = rng.randint(1, T)
    iv.append((l, min(T, l + rng.randint(0, rng.choice([0, 10, 1000, 100000])))))
write("18", iv)
