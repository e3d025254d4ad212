import sys


def main():
    s = sys.stdin.read().split()[0]
    n = int(s)
    digit_sum = sum(int(c) for c in s)
    print("Yes" if n % digit_sum == 0 else "No")


main()
