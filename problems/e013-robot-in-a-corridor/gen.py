import random

rng = random.Random(13013)
cases = []
for m, p in ((100, 0.5), (3, 0.5), (10, 0.8), (7, 0.2), (50, 0.5)):
    s = "".join("R" if rng.random() < p else "L" for _ in range(100))
    cases.append((m, rng.randint(0, m), s))
cases.append((100, 0, "R" * 100))
cases.append((99, 0, "R" * 100))
for i, (m, x, s) in enumerate(cases, start=12):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{len(s)} {m} {x}\n{s}\n")
