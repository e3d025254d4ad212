import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, values):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(values)}\n{' '.join(map(str, values))}\n")


rng = random.Random(21)
write("07", [rng.randint(1, 10) for _ in range(50)])
write("08", [rng.randint(1, 10**9) for _ in range(1000)])
write("09", rng.sample(range(10**9 - 30000, 10**9 + 1), 20000))
write("10", [rng.randint(1, 100) for _ in range(20000)])
write("11", [rng.choice([1, 10**9]) for _ in range(20000)])
write("12", [rng.randint(1, 15000) for _ in range(20000)])
