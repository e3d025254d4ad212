import sys


def main():
    s = sys.stdin.read().split()[0]
    best_letter, best_count = "", -1
    for c in "abcdefghijklmnopqrstuvwxyz":
        k = s.count(c)
        if k > best_count:
            best_letter, best_count = c, k
    print(best_letter, best_count)


main()
