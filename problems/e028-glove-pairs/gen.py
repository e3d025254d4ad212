import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, gloves):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(gloves)}\n" + "".join(f"{c} {d}\n" for c, d in gloves))


def word(rng, lo, hi, alphabet="abcdefghijklmnopqrstuvwxyz"):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


rng = random.Random(28)
colors = ["red", "blue", "green", "white", "black"]
write("08", [(rng.choice(colors), rng.choice("LR")) for _ in range(30)])
colors = [word(rng, 1, 10) for _ in range(200)]
write("09", [(rng.choice(colors), rng.choice("LR")) for _ in range(2000)])
colors = [word(rng, 1, 10) for _ in range(3000)]
write("10", [(rng.choice(colors), rng.choice("LR")) for _ in range(20000)])
# one color, unbalanced sides
write("11", [("aaaaaaaaaa", "L")] * 12000 + [("aaaaaaaaaa", "R")] * 8000)
# colors that are prefixes of each other, many sides mismatched
g = [(rng.choice(["a", "aa", "aaa", "ab", "ba"]), rng.choice("LLLR")) for _ in range(20000)]
write("12", g)
# every color appears on one side only
g = [("left" + word(rng, 1, 4, "xyz"), "L") for _ in range(10000)] + \
    [("right" + word(rng, 1, 4, "xyz"), "R") for _ in range(10000)]
rng.shuffle(g)
write("13", g)
