# expect: nonzero_exit
import os
print(os.listdir("/root"))
print("ESCAPED")
