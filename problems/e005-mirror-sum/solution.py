import sys


def main():
    s = sys.stdin.read().split()[0]
    m = int(s) + int(s[::-1])
    t = str(m)
    print(m)
    print("Yes" if t == t[::-1] else "No")


main()
