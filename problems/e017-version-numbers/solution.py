import sys


def main():
    s, t = sys.stdin.read().split()
    a = [int(x) for x in s.split(".")]
    b = [int(x) for x in t.split(".")]
    length = max(len(a), len(b))
    a += [0] * (length - len(a))
    b += [0] * (length - len(b))
    if a < b:
        rel = "<"
    elif a > b:
        rel = ">"
    else:
        rel = "="
    print(s, rel, t)


main()
