import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, teams):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(teams)}\n" + "".join(f"{t} {g} {s} {b}\n" for t, g, s, b in teams))


def names(rng, count, lo, hi, alphabet="abcdefghijklmnopqrstuvwxyz"):
    result = set()
    while len(result) < count:
        result.add("".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi))))
    result = sorted(result)
    rng.shuffle(result)
    return result


rng = random.Random(38)
write("08", [(t, rng.randint(0, 2), rng.randint(0, 2), rng.randint(0, 2)) for t in names(rng, 30, 1, 5)])
write("09", [(t, rng.randint(0, 1000), rng.randint(0, 1000), rng.randint(0, 1000)) for t in names(rng, 2000, 1, 10)])
write("10", [(t, rng.randint(0, 3), rng.randint(0, 3), rng.randint(0, 3)) for t in names(rng, 10000, 1, 10)])
# everyone tied: pure lexicographic order, including prefixes
write("11", [(t, 7, 7, 7) for t in names(rng, 10000, 1, 10, "abc")])
# numeric comparison, not string comparison, of medal counts
write("12", [(t, rng.choice([9, 10, 100, 1000]), rng.choice([2, 10]), rng.randint(0, 1000)) for t in names(rng, 10000, 3, 10)])
# more total medals does not mean a better place
write("13", [(t, g, 1000 - g, rng.randint(0, 1000)) for t, g in ((t, rng.randint(0, 1000)) for t in names(rng, 5000, 5, 10))])
