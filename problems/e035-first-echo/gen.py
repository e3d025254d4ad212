import itertools
import os
import random

os.makedirs("tests", exist_ok=True)


def write(name, words):
    with open(os.path.join("tests", name + ".in"), "w") as f:
        f.write(f"{len(words)}\n" + "".join(w + "\n" for w in words))


rng = random.Random(35)
letters = "abcdefghijklmnopqrstuvwxyz"
write("08", ["".join(rng.choice("ab") for _ in range(3)) for _ in range(10)])
# 20000 distinct words: no echo
distinct = ["".join(p) for p in itertools.islice(itertools.product(letters, repeat=4), 20000)]
rng.shuffle(distinct)
write("09", distinct)
# the only echo is the very last word, repeating the very first one
words = distinct[:19999] + [distinct[0]]
write("10", words)
# echo of a word whose prefix occurred before (must compare whole words)
words = distinct[:15000]
words.insert(7000, words[6999] + "z")
words.insert(12000, words[7000])
write("11", words)
words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 10))) for _ in range(20000)]
write("12", words)
# immediate echo at turn 2 in a long list
write("13", ["abcdefghij", "abcdefghij"] + distinct[:19998])
