import sys

MOD = 998244353


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    cases = [tuple(map(int, data[1 + 6 * i:7 + 6 * i])) for i in range(t)]
    limit = max(h + w for h, w, *_ in cases)
    fact = [1] * (limit + 1)
    for i in range(1, limit + 1):
        fact[i] = fact[i - 1] * i % MOD
    inv = [1] * (limit + 1)
    inv[limit] = pow(fact[limit], MOD - 2, MOD)
    for i in range(limit, 0, -1):
        inv[i - 1] = inv[i] * i % MOD

    def routes(x1, y1, x2, y2):
        """Number of monotone routes from (x1, y1) to (x2, y2)."""
        dx, dy = x2 - x1, y2 - y1
        if dx < 0 or dy < 0:
            return 0
        return fact[dx + dy] * inv[dx] % MOD * inv[dy] % MOD

    out = []
    for h, w, a, b, c, d in cases:
        through_p = routes(0, 0, a, b) * routes(a, b, h, w)
        through_q = routes(0, 0, c, d) * routes(c, d, h, w)
        through_both = (routes(0, 0, a, b) * routes(a, b, c, d) * routes(c, d, h, w)
                        + routes(0, 0, c, d) * routes(c, d, a, b) * routes(a, b, h, w))
        out.append((routes(0, 0, h, w) - through_p - through_q + through_both) % MOD)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
