import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, a, b):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(a)}\n{' '.join(map(str, a))}\n{' '.join(map(str, b))}\n")


rng = random.Random(29)
n = 8
write("08", [rng.randint(140, 200) for _ in range(n)], [rng.randint(140, 200) for _ in range(n)])
n = 500
write("09", [rng.randint(1, 10**9) for _ in range(n)], [rng.randint(1, 10**9) for _ in range(n)])
n = 10000
write("10", [rng.randint(1, 10**9) for _ in range(n)], [rng.randint(1, 10**9) for _ in range(n)])
# followers are the leaders shifted by small amounts, shuffled
a = [rng.randint(10**8, 9 * 10**8) for _ in range(n)]
b = [x + rng.randint(-50, 50) for x in a]
rng.shuffle(b)
write("11", a, b)
# all leaders short, all followers tall
write("12", [rng.randint(1, 1000) for _ in range(n)], [rng.randint(10**9 - 1000, 10**9) for _ in range(n)])
write("13", [10**9] * n, [1] * n)
