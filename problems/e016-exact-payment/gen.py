import random

rng = random.Random(16016)
cases = []
for _ in range(3):
    cases.append((rng.randint(1, 10**9), [rng.randint(0, 10**9) for _ in range(4)]))
for _ in range(3):
    cases.append((rng.randint(1, 10**9), [rng.randint(0, 10**6) for _ in range(4)]))
for _ in range(3):
    cases.append((rng.randint(1, 3000), [rng.randint(0, 12) for _ in range(4)]))
# a payable amount that needs many small coins
a, b, c, d = 3, 7, 10**9, 10**9
cases.append((a * 500 + b * 100 + 99999 * 10 + 7, [a, b, c, d]))
for i, (n, cs) in enumerate(cases, start=14):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{n}\n{' '.join(map(str, cs))}\n")
