import random

rng = random.Random(4004)
values = []
for _ in range(4):
    values.append(rng.randint(1, 10**18))
for _ in range(3):
    # numbers constructed to be divisible by their digit sum
    while True:
        x = rng.randint(10**15, 10**18)
        if x % sum(map(int, str(x))) == 0:
            values.append(x)
            break
for _ in range(3):
    values.append(rng.randint(1, 999))
for i, v in enumerate(values, start=13):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{v}\n")
