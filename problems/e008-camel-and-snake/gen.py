import random

rng = random.Random(8008)
lower = "abcdefghijklmnopqrstuvwxyz"


def camel(n, upper_prob):
    chars = [rng.choice(lower)]
    for _ in range(n - 1):
        c = rng.choice(lower)
        chars.append(c.upper() if rng.random() < upper_prob else c)
    return "".join(chars)


def snake(n, underscore_prob):
    while True:
        chars = [rng.choice(lower)]
        for i in range(1, n):
            if i < n - 1 and chars[-1] != "_" and rng.random() < underscore_prob:
                chars.append("_")
            else:
                chars.append(rng.choice(lower))
        s = "".join(chars)
        if "_" in s:
            return s


cases = [camel(100, 0.2), camel(100, 0.9), camel(50, 0.3), snake(100, 0.2), snake(100, 0.6), snake(40, 0.3)]
for i, s in enumerate(cases, start=13):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(s + "\n")
