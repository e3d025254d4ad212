import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, cases):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(cases)}\n" + "".join(" ".join(map(str, c)) + "\n" for c in cases))


def case(rng, hmax, wmax, kind="any"):
    h, w = rng.randint(1, hmax), rng.randint(1, wmax)
    while True:
        a, b, c, d = rng.randint(0, h), rng.randint(0, w), rng.randint(0, h), rng.randint(0, w)
        if kind == "ordered" and not (a <= c and b <= d):
            a, c = min(a, c), max(a, c)
            b, d = min(b, d), max(b, d)
        if (a, b) != (c, d):
            return (h, w, a, b, c, d)


rng = random.Random(105)
write("09", [case(rng, 4, 4) for _ in range(200)])
write("10", [case(rng, 30, 30) for _ in range(500)])
write("11", [case(rng, 5 * 10**5, 5 * 10**5) for _ in range(5000)])
write("12", [case(rng, 5 * 10**5, 5 * 10**5, "ordered") for _ in range(4000)])
# the largest grid, potholes near the corners and on the border lines
big = []
for _ in range(1000):
    h = w = 5 * 10**5
    a, b = rng.choice([(0, 1), (1, 0), (h, w - 1), (h - 1, w), (0, w), (h, 0), (0, 0), (h, w)])
    c, d = rng.randint(0, h), rng.randint(0, w)
    if (a, b) == (c, d):
        c, d = h // 2, w // 2
    big.append((h, w, a, b, c, d))
write("13", big)
# thin grids: H = 1 or W = 1
thin = []
for _ in range(2000):
    if rng.random() < 0.5:
        h, w = 1, rng.randint(1, 5 * 10**5)
    else:
        h, w = rng.randint(1, 5 * 10**5), 1
    a, b, c, d = rng.randint(0, h), rng.randint(0, w), rng.randint(0, h), rng.randint(0, w)
    if (a, b) == (c, d):
        a, b = 0, 0
        c, d = h, w
    thin.append((h, w, a, b, c, d))
write("14", thin)
