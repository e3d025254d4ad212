import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, words):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(words)}\n" + "".join(w + "\n" for w in words))


def word(rng, alphabet, lo, hi):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


rng = random.Random(22)
pool = [word(rng, "abcdefghijklmnopqrstuvwxyz", 3, 8) for _ in range(30)]
write("08", [rng.choice(pool) for _ in range(300)])
# many short words over a tiny alphabet: lots of ties
write("09", [word(rng, "ab", 1, 3) for _ in range(5000)])
# near the limit: two leaders tied exactly, the lexicographically larger one appears first
base = [word(rng, "abcdefghijklmnopqrstuvwxyz", 10, 10) for _ in range(19000)]
words = base + ["zzzzzzzzzz"] * 500 + ["zzzzzzzzzy"] * 500
rng.shuffle(words)
write("10", words)
words = [word(rng, "abcdefghijklmnopqrstuvwxyz", 1, 10) for _ in range(20000)]
write("11", words)
# all the same
write("12", ["abcdefghij"] * 20000)
