import random

rng = random.Random(1001)
for i in range(14, 21):
    a = rng.randint(0, 120)
    b = rng.randint(100, 5000) * 2
    d = rng.choice([rng.randint(1, 31), rng.choice([10, 20, 30])])
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{a} {b} {d}\n")
