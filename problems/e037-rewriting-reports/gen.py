import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, k, pairs):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(pairs)} {k}\n" + "".join(f"{x} {y}\n" for x, y in pairs))


rng = random.Random(37)
write("08", 3, [(rng.randint(0, 100), rng.randint(0, 100)) for _ in range(10)])
write("09", 40, [(rng.randint(0, 100), rng.randint(0, 100)) for _ in range(200)])
write("10", 3000, [(rng.randint(0, 100), rng.randint(0, 100)) for _ in range(10000)])
# K = N, roughly half the rewrites would lower the score
write("11", 10000, [(rng.randint(0, 100), rng.randint(0, 100)) for _ in range(10000)])
# every rewrite lowers the score
write("12", 5000, [(rng.randint(50, 100), rng.randint(0, 49)) for _ in range(10000)])
# K = 0
write("13", 0, [(rng.randint(0, 100), rng.randint(0, 100)) for _ in range(10000)])
# all gains are positive, the best ones are not the lowest A_i
write("14", 5000, [(x, min(100, x + rng.randint(1, 60))) for x in (rng.randint(0, 99) for _ in range(10000))])
