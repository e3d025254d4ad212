import random


def write(name, k, a):
    with open(f"tests/{name}.in", "w") as f:
        f.write(f"{len(a)} {k}\n" + " ".join(map(str, a)) + "\n")


rng = random.Random(2002002)
N = 3 * 10**4

# 12: maximum size, K covers every group -> N(N+1)/2
write("12", 10**15, [rng.randint(1, 1000) for _ in range(N)])
# 13: maximum size, all weights 1000, K = sum of all but one car
write("13", 1000 * (N - 1), [1000] * N)
# 14: maximum size, random weights, large window
a = [rng.randint(1, 1000) for _ in range(N)]
write("14", sum(a) // 3, a)
# 15: maximum size, random weights, small window
write("15", 20000, [rng.randint(1, 1000) for _ in range(N)])
# 16: maximum size, mostly light cars with a few heavy ones
a = [1000 if rng.random() < 0.01 else rng.randint(1, 3) for _ in range(N)]
write("16", 1500, a)
# 17: medium random
a = [rng.randint(1, 1000) for _ in range(2000)]
write("17", rng.randint(1, 10**6), a)
