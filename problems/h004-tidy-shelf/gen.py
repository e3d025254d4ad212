import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, values):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(values)}\n{' '.join(map(str, values))}\n")


rng = random.Random(104)
N = 20000
write("09", [rng.randint(1, 10) for _ in range(30)])
write("10", [rng.randint(1, 10**9) for _ in range(2000)])
write("11", [rng.randint(1, 10**9) for _ in range(N)])
write("12", [rng.randint(1, 30) for _ in range(N)])
# nearly non-increasing: far fewer swaps towards that order
a = sorted((rng.randint(1, 10**9) for _ in range(N)), reverse=True)
for _ in range(300):
    i = rng.randrange(N - 1)
    a[i], a[i + 1] = a[i + 1], a[i]
write("13", a)
# nearly non-decreasing with many equal heights
a = sorted(rng.randint(1, 100) for _ in range(N))
for _ in range(2000):
    i, j = rng.randrange(N), rng.randrange(N)
    a[i], a[j] = a[j], a[i]
write("14", a)
# two increasing runs, the higher run first: both orders need about N^2 / 4 swaps
half = list(range(1, N // 2 + 1))
write("15", [10**9 - x for x in half[::-1]] + [10**9 - N // 2 - x for x in half[::-1]])
