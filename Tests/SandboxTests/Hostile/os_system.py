# expect: violation
import os
os.system("echo ESCAPED")
