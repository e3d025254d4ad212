import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, m, values):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(values)} {m}\n{' '.join(map(str, values))}\n")


rng = random.Random(26)
write("08", rng.randint(1, 300), [rng.randint(1, 100) for _ in range(15)])
write("09", rng.randint(10**8, 3 * 10**8), [rng.randint(1, 10**8) for _ in range(100)])
write("10", 3 * 10**8, [rng.randint(1, 10**8) for _ in range(100)])
# answer needs the exact budget; items are all odd except three, budget even
a = [rng.randint(1, 5 * 10**7) * 2 + 1 for _ in range(100)]
a[3], a[50], a[99] = 20000000, 30000000, 40000000
write("11", 90000000, a)
write("12", 3 * 10**8, [10**8] * 100)
write("13", 3 * 10**8 - 1, [10**8] * 100)
# large values, budget small enough that only the cheapest items fit
a = [rng.randint(9 * 10**7, 10**8) for _ in range(100)]
write("14", sum(sorted(a)[:3]) + 1, a)
