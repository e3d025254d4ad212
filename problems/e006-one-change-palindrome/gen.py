import random

rng = random.Random(6006)
letters = "abcdefghijklmnopqrstuvwxyz"


def palindrome(n, alphabet):
    half = [rng.choice(alphabet) for _ in range(n // 2)]
    mid = [rng.choice(alphabet)] if n % 2 else []
    return half + mid + half[::-1]


cases = []
# palindromes of length 100 and 99
cases.append("".join(palindrome(100, "ab")))
cases.append("".join(palindrome(99, letters)))
# exactly one mismatched pair, maximum length
for n in (100, 99):
    p = palindrome(n, "xyz")
    i = rng.randrange(n // 2)
    p[i] = "q"
    cases.append("".join(p))
# two mismatched pairs
p = palindrome(100, letters)
p[3] = "a" if p[3] != "a" else "b"
p[40] = "a" if p[40] != "a" else "b"
cases.append("".join(p))
# random strings
for n in (100, 57, 8):
    cases.append("".join(rng.choice("ab") for _ in range(n)))
for i, s in enumerate(cases, start=15):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(s + "\n")
