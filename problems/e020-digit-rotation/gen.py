import random

rng = random.Random(20020)
cases = []
for _ in range(4):
    cases.append((rng.randint(1, 10**18), rng.randint(0, 10**18)))
# many zeros, so that the result has many leading zeros
for _ in range(2):
    digits = [rng.choice("1000000") for _ in range(17)]
    cases.append((int("9" + "".join(digits)), rng.randint(0, 10**18)))
for _ in range(2):
    cases.append((rng.randint(1, 10**6), rng.randint(0, 20)))
for i, (n, k) in enumerate(cases, start=14):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{n} {k}\n")
