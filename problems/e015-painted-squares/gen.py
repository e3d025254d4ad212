import random

rng = random.Random(15015)


def random_grid(h, w, p):
    return ["".join("#" if rng.random() < p else "." for _ in range(w)) for _ in range(h)]


cases = [
    random_grid(50, 50, 0.5),
    random_grid(50, 50, 0.8),
    random_grid(50, 50, 0.95),
    random_grid(2, 50, 0.9),
    random_grid(50, 2, 0.9),
    random_grid(23, 41, 0.7),
    ["#" * 50 for _ in range(50)],
    ["." * 50 for _ in range(50)],
]
for k, g in enumerate(cases, start=12):
    with open(f"tests/{k:02d}.in", "w") as f:
        f.write(f"{len(g)} {len(g[0])}\n" + "\n".join(g) + "\n")
