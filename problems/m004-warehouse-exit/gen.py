import random

rng = random.Random(4004004)


def write(name, rows):
    h, w = len(rows), len(rows[0])
    assert sum(r.count("S") for r in rows) == 1 and any("E" in r for r in rows)
    with open(f"tests/{name}.in", "w") as f:
        f.write(f"{h} {w}\n" + "".join("".join(r) + "\n" for r in rows))


def put(g, r, c, ch):
    g[r][c] = ch


H = W = 300

# 11: open floor, start and exit in opposite corners
g = [["."] * W for _ in range(H)]
put(g, 0, 0, "S")
put(g, H - 1, W - 1, "E")
write("11", ["".join(r) for r in g])

# 12: serpentine corridor, the only exit at the far end
g = [["."] * W for _ in range(H)]
for r in range(1, H, 2):
    for c in range(W):
        g[r][c] = "#"
    gap = W - 1 if (r // 2) % 2 == 0 else 0
    g[r][gap] = "."
put(g, 0, 0, "S")
put(g, H - 1, 0 if ((H - 1) // 2) % 2 == 1 else W - 1, "E")
write("12", ["".join(r) for r in g])

# 13: random shelves (30%), several exits
g = [["#" if rng.random() < 0.3 else "." for _ in range(W)] for _ in range(H)]
put(g, 150, 150, "S")
for _ in range(5):
    put(g, rng.randrange(H), rng.randrange(W), "E")
write("13", ["".join(r) for r in g])

# 14: random shelves (33%), exits only in the last row
g = [["#" if rng.random() < 0.33 else "." for _ in range(W)] for _ in range(H)]
put(g, 0, rng.randrange(W), "S")
for c in range(0, W, 37):
    put(g, H - 1, c, "E")
write("14", ["".join(r) for r in g])

# 15: large reachable area, exit sealed in a box of shelves -> -1
g = [["#" if rng.random() < 0.2 else "." for _ in range(W)] for _ in range(H)]
for r in range(200, 205):
    for c in range(200, 205):
        g[r][c] = "#"
put(g, 202, 202, "E")
put(g, 0, 0, "S")
write("15", ["".join(r) for r in g])

# 16: one long row
write("16", ["S" + "." * (W - 2) + "E"])

# 17: one long column with the exit at the top
write("17", ["E"] + ["."] * (H - 2) + ["S"])

# 18: medium random maze
g = [["#" if rng.random() < 0.35 else "." for _ in range(40)] for _ in range(25)]
put(g, 0, 0, "S")
put(g, 24, 39, "E")
put(g, 12, 20, "E")
write("18", ["".join(r) for r in g])
