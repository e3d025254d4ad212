# Python ignores SIGXFSZ, so the write past RLIMIT_FSIZE fails with EFBIG.
# expect: nonzero_exit
block = b"z" * (1 << 20)
with open("big.bin", "wb") as f:
    for _ in range(200):
        f.write(block)
print("ESCAPED")
