import datetime
import random

rng = random.Random(12012)
start = datetime.date(1600, 1, 1).toordinal()
end = datetime.date(9999, 12, 30).toordinal()
cases = [datetime.date.fromordinal(rng.randint(start, end)) for _ in range(5)]
# random month ends
for _ in range(3):
    y = rng.randint(1600, 9998)
    m = rng.randint(1, 12)
    first_of_next = datetime.date(y + (m == 12), m % 12 + 1, 1)
    cases.append(first_of_next - datetime.timedelta(days=1))
for i, d in enumerate(cases, start=16):
    with open(f"tests/{i:02d}.in", "w") as f:
        f.write(f"{d.year:04d}/{d.month:02d}/{d.day:02d}\n")
