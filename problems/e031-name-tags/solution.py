import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    names = sorted(data[1:1 + n], key=lambda s: (len(s), s))
    sys.stdout.write("\n".join(names) + "\n")


main()
