def main():
    x, y, z, s = map(int, input().split())
    count = 0
    for a in range(1, x + 1):
        for b in range(1, y + 1):
            if 1 <= s - a - b <= z:
                count += 1
    print(count)


main()
