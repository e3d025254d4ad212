import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, s):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(s)}\n{s}\n")


rng = random.Random(27)
write("08", "".join(rng.choice("LR") for _ in range(40)))
write("09", "".join(rng.choice("LR") for _ in range(1000)))
write("10", "".join(rng.choice("LR") for _ in range(200000)))
# maximum answer: all R first, then all L
write("11", "R" * 100000 + "L" * 100000)
# no pair meets at all: all L first, then all R
write("12", "L" * 60000 + "R" * 60000)
write("13", "RL" * 50000)
