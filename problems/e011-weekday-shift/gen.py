import random

rng = random.Random(11011)
days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
cases = []
for _ in range(3):
    cases.append((rng.choice(days), rng.randint(0, 10**18)))
for _ in range(3):
    cases.append((rng.choice(days), -rng.randint(1, 10**18)))
for _ in range(2):
    cases.append((rng.choice(days), rng.randint(-30, 30)))
for i, (w, n) in enumerate(cases, start=13):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{w} {n}\n")
