# expect: ok
# stdin: 2 40
# stdout: 42
a, b = map(int, input().split())
print(a + b)
