import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, cap, items):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(items)} {cap}\n" + "".join(f"{w} {v}\n" for w, v in items))


rng = random.Random(101)
write("08", 50, [(rng.randint(1, 60), rng.randint(1, 100)) for _ in range(12)])
write("09", 10**4, [(rng.randint(1, 10**4), rng.randint(1, 10**9)) for _ in range(100)])
write("10", 10**4, [(rng.randint(1, 10**5), rng.randint(1, 10**9)) for _ in range(100)])
# weights correlated with values: the classic hard case for greedy
items = []
for _ in range(100):
    w = rng.randint(100, 3000)
    items.append((w, w * 1000 + rng.randint(0, 999)))
write("11", 10**4, items)
# all items heavier than the backpack: only the porter's item counts
write("12", 10**4, [(rng.randint(10**4 + 1, 10**5), rng.randint(1, 10**9)) for _ in range(100)])
# everything fits: the answer is the sum of all values
write("13", 10**4, [(rng.randint(1, 100), 10**9) for _ in range(100)])
# small backpack, many light items
write("14", 37, [(rng.randint(1, 20), rng.randint(1, 10**9)) for _ in range(100)])
# heaviest item is the most valuable: using the porter on it is essential
items = [(rng.randint(1, 500), rng.randint(1, 10**6)) for _ in range(99)] + [(10**5, 10**9)]
rng.shuffle(items)
write("15", 10**4, items)
