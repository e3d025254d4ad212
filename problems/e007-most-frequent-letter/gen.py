import random

rng = random.Random(7007)
letters = "abcdefghijklmnopqrstuvwxyz"
cases = []
# maximum length, uniformly random letters
cases.append("".join(rng.choice(letters) for _ in range(100000)))
# maximum length, all 26 letters exactly tied except length remainder
base = list(letters * (100000 // 26))
rng.shuffle(base)
cases.append("".join(base))
# maximum length, a single letter
cases.append("y" * 100000)
# maximum length, two letters tied, the later one appears first
half = ["q"] * 50000 + ["p"] * 50000
cases.append("".join(half))
# random medium strings with a skewed distribution
for n in (1000, 37, 5000):
    weights = [rng.random() for _ in letters]
    cases.append("".join(rng.choices(letters, weights, k=n)))
for i, s in enumerate(cases, start=11):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(s + "\n")
