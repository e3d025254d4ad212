import sys


def main():
    s = sys.stdin.read().split()[0]
    n = len(s)
    mismatches = sum(1 for i in range(n // 2) if s[i] != s[n - 1 - i])
    if mismatches == 1:
        ok = True
    elif mismatches == 0:
        # Only the middle character of an odd-length string can be changed freely.
        ok = n % 2 == 1
    else:
        ok = False
    print("Yes" if ok else "No")


main()
