# expect: memory_limit
chunk = bytearray(1 << 30)
print(len(chunk))
