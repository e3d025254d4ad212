import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    h = list(map(int, data[2:2 + n]))
    # up[i]: total ascent walking forward from checkpoint 1 to checkpoint i+1
    # down[i]: total descent on the same stretch (= ascent when walking it backward)
    up = [0] * n
    down = [0] * n
    for i in range(1, n):
        diff = h[i] - h[i - 1]
        up[i] = up[i - 1] + (diff if diff > 0 else 0)
        down[i] = down[i - 1] + (-diff if diff < 0 else 0)
    out = []
    pos = 2 + n
    for _ in range(q):
        s, t = int(data[pos]) - 1, int(data[pos + 1]) - 1
        pos += 2
        if s <= t:
            out.append(up[t] - up[s])
        else:
            out.append(down[s] - down[t])
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
