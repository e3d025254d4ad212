import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    seen = set()
    for i in range(1, n + 1):
        w = data[i]
        if w in seen:
            print(i, w)
            return
        seen.add(w)
    print(-1)


main()
