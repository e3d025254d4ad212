import random

rng = random.Random(9009)
cases = []
cases.append(("a" * 100, "a" * 50))
cases.append(("ab" * 50, "abab"))
cases.append(("".join(rng.choice("ab") for _ in range(100)), "aab"))
cases.append(("".join(rng.choice("abc") for _ in range(100)), "".join(rng.choice("abc") for _ in range(2))))
s = "".join(rng.choice("xyz") for _ in range(100))
cases.append((s, s[37:52]))
cases.append(("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(100)), "q"))
cases.append(("a" * 99, "a" * 100))
for i, (s, t) in enumerate(cases, start=13):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{s}\n{t}\n")
