import random

rng = random.Random(2002)
cases = []
for _ in range(4):
    a, b = sorted(rng.randint(1, 10**18) for _ in range(2))
    cases.append((a, b))
for _ in range(3):
    a = rng.randint(1, 10**18 - 1000)
    cases.append((a, a + rng.randint(0, 1000)))
for _ in range(3):
    a, b = sorted(rng.randint(1, 100) for _ in range(2))
    cases.append((a, b))
for i, (a, b) in enumerate(cases, start=12):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{a} {b}\n")
