# expect: output_limit
# output-limit: 1048576
line = "x" * 1023
while True:
    print(line)
