"""An uncaught NumPy IndexError ends the program with a traceback."""
import numpy as np
import mindspore
from mindspore import Tensor

t = Tensor(np.array([1.0, 2.0, 3.0]), mindspore.float32)
values = t.asnumpy()
print("first", values[0])
print("sixth", values[5])
print("not reached")
