"""Reduction primitives: keep_dims, axes and the shapes they give."""
import numpy as np
import mindspore
import mindspore.ops as ops
from mindspore import Tensor

x = Tensor(np.random.randn(3, 4, 5, 6).astype(np.float32))
op = ops.ReduceMean(keep_dims=True)
output = op(x, 1)
result = output.shape
print(result)
print(ops.ReduceSum(keep_dims=False)(x, (1, 2)).shape)
print(ops.ReduceMean()(x).shape)

x = Tensor(np.arange(1, 13).reshape(3, 4), mindspore.float32)
print(ops.ReduceSum()(x))
print(ops.ReduceSum()(x, 0))
print(ops.ReduceSum(keep_dims=True)(x, 1))
print(ops.ReduceMean()(x, -1))
print(ops.ReduceMax()(x, 1))
print(ops.ReduceMin(keep_dims=True)(x, 0))
print(ops.ReduceProd()(Tensor(np.array([1.0, 2.0, 3.0, 4.0]), mindspore.float32)))
