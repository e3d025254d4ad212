# expect: violation
import os
os.kill(os.getppid(), 9)
