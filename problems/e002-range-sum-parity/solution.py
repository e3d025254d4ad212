import sys


def main():
    l, r = map(int, sys.stdin.read().split())
    # The parity of the sum equals the parity of the number of odd terms.
    odd_terms = (r + 1) // 2 - l // 2
    print("Odd" if odd_terms % 2 == 1 else "Even")


main()
