# Landlock lets the program execute only the interpreter.
# expect: nonzero_exit
import os
os.execv("/bin/sh", ["sh", "-c", "echo ESCAPED"])
