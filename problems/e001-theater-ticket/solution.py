import sys


def main():
    a, b, d = map(int, sys.stdin.read().split())
    if a <= 5:
        price = 0
    elif a <= 12 or a >= 65:
        price = b // 2
    elif d % 10 == 0:
        price = b - 100
    else:
        price = b
    print(price)


main()
