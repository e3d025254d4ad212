# Recursion through C (map calls the lambda) overflows the C stack.
# expect: signal|memory_limit
import sys
sys.setrecursionlimit(1 << 30)
f = lambda n: list(map(f, [n + 1]))
f(0)
