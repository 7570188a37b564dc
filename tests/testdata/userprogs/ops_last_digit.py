"""Docstring examples of Exp, Sigmoid and Softmax whose last float32
digit depends on the kernel: the docstrings print 2.718282, 0.880797 and
0.08612854 0.23412167."""
import numpy as np
import mindspore
import mindspore.ops as ops
from mindspore import Tensor

print(ops.Exp()(Tensor(np.array([0.0, 1.0, 3.0]), mindspore.float32)))
print(ops.Sigmoid()(Tensor(np.array([1, 2, 3, 4, 5]), mindspore.float32)))
print(ops.Softmax()(Tensor(np.array([1, 2, 3, 4, 5]), mindspore.float32)))
