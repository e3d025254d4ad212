# expect: violation
import os
os.kill(-1, 9)
