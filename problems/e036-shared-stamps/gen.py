import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, a, b):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(a)} {len(b)}\n{' '.join(map(str, a))}\n{' '.join(map(str, b))}\n")


rng = random.Random(36)
write("08", [rng.randint(1, 30) for _ in range(20)], [rng.randint(1, 30) for _ in range(15)])
write("09", [rng.randint(1, 3000) for _ in range(2000)], [rng.randint(1, 3000) for _ in range(3000)])
write("10", [rng.randint(1, 10**9) for _ in range(10000)], [rng.randint(1, 10**9) for _ in range(10000)])
# values of different digit counts: numeric order differs from string order
a = [rng.choice([9, 10, 99, 100, 1000, 5, 50, 500]) * rng.randint(1, 20) for _ in range(10000)]
b = [rng.choice([9, 10, 99, 100, 1000, 5, 50, 500]) * rng.randint(1, 20) for _ in range(10000)]
write("11", a, b)
common = rng.sample(range(1, 10**9 + 1), 3000)
a = common + [rng.randint(1, 10**9) for _ in range(7000)]
b = common + [rng.randint(1, 10**9) for _ in range(7000)]
rng.shuffle(a)
rng.shuffle(b)
write("12", a, b)
write("13", [1] * 10000, [1000000000] * 10000)
