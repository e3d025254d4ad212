import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    count = 0
    left = 0
    window = 0
    # For each right end r, keep the smallest l with sum(a[l..r]) <= k.
    for right in range(n):
        window += a[right]
        while window > k:
            window -= a[left]
            left += 1
        count += right - left + 1
    print(count)


main()
