import random

rng = random.Random(10010)
cases = []
for _ in range(4):
    cases.append((rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 10**9)))
for _ in range(3):
    cases.append((rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 3000)))
cases.append((23, 59, 10**9))
for i, (h, m, k) in enumerate(cases, start=13):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{h:02d}:{m:02d}\n{k}\n")
