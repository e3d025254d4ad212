# expect: output_limit
# output-limit: 1048576
import sys
line = "y" * 1023 + "\n"
while True:
    sys.stderr.write(line)
