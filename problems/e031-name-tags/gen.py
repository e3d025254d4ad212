import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, words):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(words)}\n" + "".join(w + "\n" for w in words))


def word(rng, lo, hi, alphabet="abcdefghijklmnopqrstuvwxyz"):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


rng = random.Random(31)
write("08", [word(rng, 1, 4, "abc") for _ in range(40)])
write("09", [word(rng, 1, 10) for _ in range(2000)])
write("10", [word(rng, 1, 10) for _ in range(20000)])
write("11", [word(rng, 1, 3, "zyab") for _ in range(10000)])
write("12", [word(rng, 10, 10, "ab") for _ in range(10000)])
