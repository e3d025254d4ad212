# numpy with OpenBLAS must work under the default limits (skipped where numpy is absent).
# expect: ok
# requires: numpy
# stdout: 30.0
import numpy
a = numpy.arange(1.0, 5.0)
print(float(a @ a))
