import random

rng = random.Random(19019)
cases = []
for _ in range(3):
    cases.append((rng.randint(-10**18, 10**18), rng.randint(1, 10**9)))
for _ in range(2):
    cases.append((rng.randint(-10**18, 10**18), rng.randint(1, 10**18)))
# exact halves with large values
for sign in (1, -1):
    k = 2 * rng.randint(1, 10**8)
    q = rng.randint(0, 10**9)
    cases.append((sign * (q * k + k // 2), k))
# just below and just above a half, negative side
k = 2 * 10**9
cases.append((-(123456789 * k + k // 2 - 1), k))
cases.append((-(123456789 * k + k // 2 + 1), k))
for _ in range(2):
    cases.append((rng.randint(-100, 100), rng.randint(1, 10)))
for i, (x, k) in enumerate(cases, start=15):
    assert -10**18 <= x <= 10**18 and 1 <= k <= 10**18
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{x} {k}\n")
