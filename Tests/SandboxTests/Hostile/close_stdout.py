# Printing to a closed standard output fails inside the program; the harness must not hang.
# expect: nonzero_exit|ok
import os
os.close(1)
print("lost")
