# The judge's expected outputs live outside the run's directory and must stay unreadable.
# expect: nonzero_exit
import os
print(open(os.environ["PROCTOR_TEST_SECRET"]).read())
print("ESCAPED")
