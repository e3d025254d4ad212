import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    parent = list(range(n + 1))
    size = [1] * (n + 1)

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    out = []
    pos = 2
    for _ in range(q):
        kind = data[pos]
        if kind == b"3":
            out.append(str(size[find(int(data[pos + 1]))]))
            pos += 2
            continue
        a, b = find(int(data[pos + 1])), find(int(data[pos + 2]))
        pos += 3
        if kind == b"1":
            if a != b:
                if size[a] < size[b]:
                    a, b = b, a
                parent[b] = a
                size[a] += size[b]
        else:
            out.append("Yes" if a == b else "No")
    sys.stdout.write("\n".join(out) + "\n")


main()
