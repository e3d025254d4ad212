import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, k, values):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(values)} {k}\n{' '.join(map(str, values))}\n")


rng = random.Random(33)
write("08", 2, [rng.randint(0, 10) for _ in range(7)])
write("09", 10, [rng.randint(0, 10**9) for _ in range(100)])
write("10", 1234, [rng.randint(0, 10**9) for _ in range(10000)])
write("11", 4999, [rng.randint(0, 10**9) for _ in range(10000)])
write("12", 0, [rng.randint(10**9 - 10, 10**9) for _ in range(10000)])
# averages with repeating decimals
write("13", 3, [rng.choice([0, 1, 2]) for _ in range(9)])
