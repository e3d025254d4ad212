import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, words):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(words)}\n" + "".join(w + "\n" for w in words))


def word(rng, lo, hi, alphabet="abcdefghijklmnopqrstuvwxyz"):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def shuffled(rng, w):
    letters = list(w)
    rng.shuffle(letters)
    return "".join(letters)


rng = random.Random(32)
write("08", [word(rng, 1, 3, "abc") for _ in range(40)])
bases = [word(rng, 4, 10) for _ in range(300)]
write("09", [shuffled(rng, rng.choice(bases)) for _ in range(3000)])
bases = [word(rng, 1, 10) for _ in range(5000)]
write("10", [shuffled(rng, rng.choice(bases)) for _ in range(20000)])
write("11", [word(rng, 10, 10) for _ in range(20000)])
# same letters, different counts: must not be merged
write("12", [word(rng, 1, 10, "ab") for _ in range(20000)])
write("13", [shuffled(rng, "abcdefghij") for _ in range(20000)])
