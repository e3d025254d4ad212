import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, k, values):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(values)} {k}\n{' '.join(map(str, values))}\n")


rng = random.Random(23)
a = [rng.randint(0, 20) for _ in range(100)]
write("08", len(set(a)), a)          # exactly the smallest distinct value
write("09", len(set(a)) + 1, a)      # one more than available
a = [rng.randint(0, 10**9) for _ in range(20000)]
write("10", rng.randint(1, 20000), a)
a = [rng.randint(0, 1000) for _ in range(20000)]
write("11", 700, a)
a = list(range(20000))
rng.shuffle(a)
write("12", 20000, a)
a = [rng.choice([9, 10, 100, 1000000000]) for _ in range(20000)]
write("13", 3, a)
