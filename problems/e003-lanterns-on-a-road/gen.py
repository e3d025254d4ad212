import random

rng = random.Random(3003)
cases = []
for _ in range(4):
    a, b = sorted(rng.randint(1, 10**18) for _ in range(2))
    cases.append((a, b, rng.randint(1, 10**9)))
for _ in range(3):
    a, b = sorted(rng.randint(1, 10**18) for _ in range(2))
    cases.append((a, b, rng.randint(1, 10**18)))
for _ in range(3):
    a, b = sorted(rng.randint(1, 1000) for _ in range(2))
    cases.append((a, b, rng.randint(1, 60)))
for i, (a, b, k) in enumerate(cases, start=15):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{a} {b} {k}\n")
