"""GELU and Erf, whose last digits depend on MindSpore's kernels."""
import numpy as np
import mindspore
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor

x = Tensor(np.array([[-1.0, 4.0, -8.0], [2.0, -5.0, 9.0]]), mindspore.float32)
gelu = nn.GELU()
print(gelu(x))
print(ops.GeLU()(x))

x = Tensor(np.array([-1, 0, 1, 2, 3]), mindspore.float32)
erf = ops.Erf()
print(erf(x))

x = Tensor(np.array([-1, -2, 0, 2, 1]), mindspore.float16)
print(nn.HSwish()(x))
print(ops.HSwish()(x))
