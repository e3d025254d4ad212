# The classic daemon escape: a new session, then a grandchild that outlives the timeout.
# expect: violation
import os
import time
os.setsid()
if os.fork() == 0:
    if os.fork() == 0:
        time.sleep(30)
        print("ESCAPED")
