# RLIMIT_NOFILE stops it long before a million.
# expect: nonzero_exit
handles = []
for _ in range(1_000_000):
    handles.append(open("/dev/null"))
print("ESCAPED")
