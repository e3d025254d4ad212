import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, k, values):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(values)} {k}\n{' '.join(map(str, values))}\n")


rng = random.Random(34)
a = [rng.randint(1, 50) for _ in range(20)]
write("08", 60, a)
# many valid pairs
a = [rng.randint(1, 1000) for _ in range(2000)]
write("09", 1000, a)
# no valid pair: all values even, odd target
a = [rng.randint(1, 5 * 10**8) * 2 for _ in range(20000)]
write("10", 999999999, a)
# exactly one valid pair, at the very end
a = [rng.randint(1, 10**8) * 2 for _ in range(20000)]
a[-2], a[-1] = 999999999, 1000000000
write("11", 2 * 10**9 - 1, a)
# the only pair is two equal values far apart (other values are 1 mod 4, K is 0 mod 4)
a = [rng.randint(1, 10**8) * 4 + 1 for _ in range(20000)]
a[5] = 300000002
a[19990] = 300000002
write("12", 600000004, a)
# K / 2 appears exactly once and no other pair works
a[19990] = 7
write("14", 600000004, a)
a = [10**9] * 20000
write("13", 2 * 10**9, a)
