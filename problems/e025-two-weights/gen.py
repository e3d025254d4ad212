import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, t, values):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(values)} {t}\n{' '.join(map(str, values))}\n")


rng = random.Random(25)
write("08", rng.randint(1, 200), [rng.randint(1, 100) for _ in range(20)])
write("09", rng.randint(1, 2 * 10**9), [rng.randint(1, 10**9) for _ in range(100)])
write("10", 2 * 10**9, [rng.randint(1, 10**9) for _ in range(100)])
write("11", 1, [rng.randint(5 * 10**8, 10**9) for _ in range(100)])
# exact hit exists only through one specific pair
a = [rng.randint(1, 10**6) * 2 for _ in range(100)]
a[37] = 123456789
a[81] = 876543211 - 1
write("12", 123456789 + 876543210, a)
write("13", 1999999999, [10**9] * 100)
