import random

rng = random.Random(18018)
cases = []
for n, hi in ((100, 100), (100, 3), (57, 100), (100, 1)):
    cases.append([(rng.randint(0, hi), rng.randint(0, hi)) for _ in range(n)])
# symmetric: same multiset of round results, totals tie -> Draw
rounds = [(rng.randint(0, 100), rng.randint(0, 100)) for _ in range(50)]
mixed = rounds + [(b, a) for a, b in rounds]
rng.shuffle(mixed)
cases.append(mixed)
# equal round wins, totals differ by one
rounds = [(rng.randint(0, 100), rng.randint(0, 100)) for _ in range(50)]
mirrored = [(b, a) for a, b in rounds]
for k, (a, b) in enumerate(mirrored):
    if a > b + 1:
        mirrored[k] = (a - 1, b)
        break
mixed = rounds + mirrored
rng.shuffle(mixed)
cases.append(mixed)
for i, rounds in enumerate(cases, start=13):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{len(rounds)}\n" + "".join(f"{a} {b}\n" for a, b in rounds))
