import sys


def main():
    s = sys.stdin.read().split()[0]
    if "_" in s:
        parts = s.split("_")
        result = parts[0] + "".join(p[0].upper() + p[1:] for p in parts[1:])
    else:
        result = "".join("_" + c.lower() if c.isupper() else c for c in s)
    print(result)


main()
