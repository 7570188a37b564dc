"""Elementwise, logical and reduction primitives from r1.6's docstrings."""
import numpy as np
import mindspore
import mindspore.ops as ops
from mindspore import Tensor

x = Tensor(np.array([0.8, 1.5, 2.3, 2.5, -4.5]), mindspore.float32)
print(ops.Round()(x))
print(ops.Ceil()(Tensor(np.array([1.1, 2.5, -1.5]), mindspore.float32)))

x = Tensor(np.array([np.log(-1), 1, np.log(0)]), mindspore.float32)
print(ops.IsNan()(x))
print(ops.IsInf()(x))
print(ops.IsFinite()(x))

x = Tensor(np.array([True, False, True]), mindspore.bool_)
y = Tensor(np.array([True, True, False]), mindspore.bool_)
print(ops.LogicalAnd()(x, y))
print(ops.LogicalOr()(x, y))
print(ops.LogicalNot()(x))

x = Tensor(np.array([[True, False], [True, True]]))
print(ops.ReduceAll(keep_dims=True)(x))
print(ops.ReduceAll()(x, 1))
print(ops.ReduceAny(keep_dims=True)(x))
print(ops.ReduceAny()(x, 1))

x = Tensor(np.array([[-1.0, 4.0, -8.0], [2.0, -5.0, 9.0]]), mindspore.float32)
print(ops.ReLU6()(x))
print(ops.Elu()(x))

x = Tensor(np.array([[3.0, 4.0], [0.0, 5.0]]), mindspore.float32)
print(ops.L2Normalize(axis=1)(x))
print(ops.L2Normalize()(Tensor(np.array([0.0, 0.0]), mindspore.float32)))

print(ops.Abs()(Tensor(np.array([-1, 0, 3]), mindspore.int32)))
print(ops.Maximum()(Tensor(np.array([1, 5, 3]), mindspore.int32), Tensor(np.array([4, 2, 6]), mindspore.int32)))
print(ops.ReduceProd()(Tensor(np.array([[1.0, 2.0], [3.0, 4.0]]), mindspore.float32), 0))
print(ops.Eye()(2, 3, mindspore.int32))
