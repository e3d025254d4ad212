# A sleeping program uses no CPU: only the wall-clock backstop ends it.
# expect: time_limit
# time-limit: 0.5
import time
time.sleep(3600)
