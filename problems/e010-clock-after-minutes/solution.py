import sys


def main():
    t, k = sys.stdin.read().split()
    hh, mm = map(int, t.split(":"))
    total = hh * 60 + mm + int(k)
    day, minute_of_day = divmod(total, 24 * 60)
    print(f"{minute_of_day // 60:02d}:{minute_of_day % 60:02d}")
    print(day)


main()
