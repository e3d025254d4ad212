import sys


def main():
    data = list(map(int, sys.stdin.read().split()))
    n = data[0]
    x = y = 0
    total_a = total_b = 0
    for i in range(n):
        a, b = data[1 + 2 * i], data[2 + 2 * i]
        total_a += a
        total_b += b
        if a > b:
            x += 1
        elif b > a:
            y += 1
    if x != y:
        result = "Takahashi" if x > y else "Aoki"
    elif total_a != total_b:
        result = "Takahashi" if total_a > total_b else "Aoki"
    else:
        result = "Draw"
    print(result)
    print(f"{x}-{y}")


main()
