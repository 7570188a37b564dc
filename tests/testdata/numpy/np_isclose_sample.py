# math.isclose and np.random.sample, which training scripts use.
import math
import numpy as np
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.isclose(float("inf"), float("inf")), math.isclose(float("nan"), float("nan")), math.isclose(1, 1.05, rel_tol=0.1))
np.random.seed(0)
print(np.random.sample((2,)))
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print(e)
