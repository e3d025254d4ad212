import sys


def main():
    data = list(map(int, sys.stdin.read().split()))
    n = data[0]
    counts = data[1:5]
    remaining = n
    used = 0
    # Each coin value divides the next larger one, so using as many large coins as possible is optimal.
    for value, available in zip((500, 100, 10, 1), counts):
        k = min(available, remaining // value)
        used += k
        remaining -= k * value
    print(used if remaining == 0 else -1)


main()
