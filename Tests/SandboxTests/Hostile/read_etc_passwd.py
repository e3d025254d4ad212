# expect: nonzero_exit
print(open("/etc/passwd").read())
print("ESCAPED")
