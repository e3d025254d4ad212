import random

rng = random.Random(17017)


def component(max_digits):
    return "".join(rng.choice("0123456789") for _ in range(rng.randint(1, max_digits)))


def version(max_len, max_digits):
    while True:
        parts = [component(max_digits) for _ in range(rng.randint(1, max_len))]
        s = ".".join(parts)
        if len(s) <= 100:
            return s


def tweak(s):
    # rewrite with different leading zeros, possibly appending zero components
    parts = s.split(".")
    new = []
    for p in parts:
        v = str(int(p))
        z = rng.randint(0, max(0, 18 - len(v)))
        z = min(z, 2)
        new.append("0" * z + v)
    while len(".".join(new)) + 2 <= 100 and rng.random() < 0.5:
        new.append("0" * rng.randint(1, 1))
    return ".".join(new)


cases = []
for _ in range(3):
    cases.append((version(10, 3), version(10, 3)))
for _ in range(2):
    s = version(5, 18)
    cases.append((s, tweak(s)))
s = version(20, 2)
cases.append((s, tweak(s)))
# long versions that differ only in the last component
base = ".".join(str(rng.randint(0, 9)) for _ in range(49))
cases.append((base + ".5", base + ".6"))
cases.append(("999999999999999999.1", "999999999999999998.9"))
for i, (a, b) in enumerate(cases, start=15):
    assert len(a) <= 100 and len(b) <= 100
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{a}\n{b}\n")
