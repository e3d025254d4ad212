import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, x, y, z, s):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{x} {y} {z} {s}\n")


rng = random.Random(39)
write("10", 100, 100, 100, 150)
write("11", 100, 100, 100, 151)
write("12", 100, 100, 100, 300)
write("13", 100, 100, 100, 3)
write("14", 100, 1, 100, 102)
for i in range(15, 19):
    x, y, z = rng.randint(1, 100), rng.randint(1, 100), rng.randint(1, 100)
    write(str(i), x, y, z, rng.randint(3, x + y + z))
