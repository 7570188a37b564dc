"""L1Loss checks that its inputs are Tensors: a NumPy labels array
raises TypeError in MindSpore r1.6 (_check_is_tensor)."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor

try:
    nn.L1Loss()(Tensor(np.ones(3), mindspore.float32), np.ones(3, np.float32))
    print("no error")
except TypeError:
    print("TypeError")
