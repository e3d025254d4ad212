import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, values):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(values)}\n{' '.join(map(str, values))}\n")


rng = random.Random(40)
write("08", [rng.randint(1, 15) for _ in range(20)])
write("09", [rng.randint(1, 1000) for _ in range(1500)])
write("10", [rng.randint(1, 10**9) for _ in range(20000)])
write("11", [rng.randint(1, 15000) for _ in range(20000)])
# every value appears exactly twice
a = [rng.randint(1, 10**9) for _ in range(10000)]
a = a + a
rng.shuffle(a)
write("12", a)
# a single lonely value hidden among triples
a = [rng.randint(1, 1000) * 3 for _ in range(6000)] * 3
a.append(1000000000)
rng.shuffle(a)
write("13", a)
