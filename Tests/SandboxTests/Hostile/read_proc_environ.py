# expect: nonzero_exit
print(open("/proc/1/environ", "rb").read())
print("ESCAPED")
