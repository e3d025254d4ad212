import random

rng = random.Random(5005)
values = []
for _ in range(4):
    values.append(rng.randint(1, 10**18))
for _ in range(2):
    values.append(rng.randint(1, 10**6) * 10**rng.randint(3, 12))
for _ in range(2):
    # digits 0..4 only: the sum never carries and is a palindrome
    values.append(int(str(rng.randint(1, 4)) + "".join(str(rng.randint(0, 4)) for _ in range(16))))
for _ in range(2):
    values.append(rng.randint(1, 9999))
for i, v in enumerate(values, start=13):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{v}\n")
