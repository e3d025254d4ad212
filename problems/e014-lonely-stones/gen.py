import random

rng = random.Random(14014)


def random_grid(h, w, p):
    return ["".join("#" if rng.random() < p else "." for _ in range(w)) for _ in range(h)]


cases = [
    random_grid(50, 50, 0.2),
    random_grid(50, 50, 0.5),
    random_grid(50, 50, 0.05),
    random_grid(1, 50, 0.4),
    random_grid(50, 1, 0.4),
    random_grid(17, 33, 0.3),
    # checkerboard: every stone is lonely
    ["".join("#" if (i + j) % 2 == 0 else "." for j in range(50)) for i in range(50)],
    ["#" * 50 for _ in range(50)],
]
for k, g in enumerate(cases, start=12):
    with open(f"tests/{k:02d}.in", "w") as f:
        f.write(f"{len(g)} {len(g[0])}\n" + "\n".join(g) + "\n")
