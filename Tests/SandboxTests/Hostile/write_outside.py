# expect: nonzero_exit
import os
with open(os.environ["PROCTOR_TEST_OUTSIDE"], "w") as f:
    f.write("ESCAPED")
