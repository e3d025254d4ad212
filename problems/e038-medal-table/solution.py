import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    teams = []
    for i in range(n):
        name, g, s, b = data[1 + 4 * i:5 + 4 * i]
        teams.append((-int(g), -int(s), -int(b), name))
    teams.sort()
    sys.stdout.write("\n".join(t[3] for t in teams) + "\n")


main()
