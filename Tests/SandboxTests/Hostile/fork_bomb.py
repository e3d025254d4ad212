# expect: violation
import os
while True:
    os.fork()
