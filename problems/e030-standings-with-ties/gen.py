import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, values):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(values)}\n{' '.join(map(str, values))}\n")


rng = random.Random(30)
write("08", [rng.randint(0, 5) for _ in range(30)])
write("09", [rng.randint(0, 10**6) for _ in range(3000)])
write("10", [rng.randint(0, 10**6) for _ in range(20000)])
write("11", [rng.randint(0, 50) for _ in range(20000)])
write("12", [rng.choice([0, 10**6]) for _ in range(10000)])
a = list(range(10**6 - 4999, 10**6 + 1))
rng.shuffle(a)
write("13", a)
