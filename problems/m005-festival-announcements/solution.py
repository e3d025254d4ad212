import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    intervals = sorted(zip(map(int, data[2:2 + 2 * n:2]), map(int, data[1:1 + 2 * n:2])))
    # intervals are (R, L) pairs sorted by right end; announce at the right end
    # of every stay that the previous announcements missed.
    count = 0
    last = 0
    for r, l in intervals:
        if l > last:
            count += 1
            last = r
    print(count)


main()
