import sys

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def main():
    w, n = sys.stdin.read().split()
    print(DAYS[(DAYS.index(w) + int(n)) % 7])


main()
