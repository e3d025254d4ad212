# A stopped process must still be killed at the wall-clock limit.
# expect: time_limit
# time-limit: 0.5
import os
import signal
os.kill(os.getpid(), signal.SIGSTOP)
print("ESCAPED")
