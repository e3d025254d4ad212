import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, cap = int(data[0]), int(data[1])
    # free[c]: best value with backpack load <= c, porter unused
    # used[c]: best value with backpack load <= c, porter used at most once
    free = [0] * (cap + 1)
    used = [0] * (cap + 1)
    for i in range(n):
        w, v = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        # give this item to the porter
        t = [a if a > b + v else b + v for a, b in zip(used, free)]
        if w <= cap:
            # put this item into the backpack
            t[w:] = [a if a > b + v else b + v for a, b in zip(t[w:], used)]
            free[w:] = [a if a > b + v else b + v for a, b in zip(free[w:], free)]
        used = t
    print(used[cap])


main()
