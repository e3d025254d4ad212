# Grows a page at a time, so no single allocation is refused: the cgroup must catch it.
# expect: memory_limit
pages = []
while True:
    pages.append(b"x" * 4096)
