import random


def write(name, m, a):
    with open(f"tests/{name}.in", "w") as f:
        f.write(f"{len(a)} {m}\n" + " ".join(map(str, a)) + "\n")


rng = random.Random(3003003)
N = 10**4
B = 10**9

write("12", B, [rng.randint(1, B) for _ in range(N)])
write("13", B, [B] * N)
write("14", B, [1] * N)
write("15", B, [rng.randint(1, 100) for _ in range(N)])
write("16", B, [rng.randint(B - 1000, B) for _ in range(N)])
write("17", 1, [rng.randint(1, B) for _ in range(N)])
write("18", rng.randint(1, B), [rng.randint(1, 10**6) for _ in range(N)])
write("19", rng.randint(1, 10**5), [rng.randint(1, 1000) for _ in range(300)])
