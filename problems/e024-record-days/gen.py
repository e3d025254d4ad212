import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, values):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(values)}\n{' '.join(map(str, values))}\n")


rng = random.Random(24)
write("08", [rng.randint(-10, 10) for _ in range(60)])
write("09", [rng.randint(-10**9, 10**9) for _ in range(5000)])
# strictly increasing with repeated plateaus near the limit
write("10", sorted(rng.randint(-10**9, 10**9) for _ in range(20000)))
write("11", sorted((rng.randint(-10**6, 10**6) for _ in range(20000)), reverse=True))
# zig-zag widening: every day is a record of one kind
write("12", [(i // 2 + 1) * (1 if i % 2 == 0 else -1) * 40000 for i in range(20000)])
write("13", [-10**9] * 10000 + [10**9] * 10000)
