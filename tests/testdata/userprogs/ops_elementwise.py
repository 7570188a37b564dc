"""Elementwise ops primitives from their docstrings."""
import numpy as np
import mindspore
import mindspore.ops as ops
from mindspore import Tensor

x = Tensor(np.array([-1.0, 1.0, 0.0]), mindspore.float32)
print(ops.Abs()(x))

add = ops.Add()
x = Tensor(np.array([1, 2, 3]).astype(np.float32))
y = Tensor(np.array([4, 5, 6]).astype(np.float32))
print(add(x, y))
print(ops.Sub()(x, y))
print(ops.Mul()(x, y))
print(ops.Div()(x, y))
print(ops.Square()(Tensor(np.array([1.0, 2.0, 3.0]), mindspore.float32)))
print(ops.Sqrt()(Tensor(np.array([1.0, 4.0, 9.0]), mindspore.float32)))
print(ops.Pow()(Tensor(np.array([1.0, 2.0, 4.0]), mindspore.float32), 3.0))
print(ops.Log()(Tensor(np.array([1.0, 2.0, 4.0]), mindspore.float32)))
print(ops.Maximum()(Tensor(np.array([1.0, 5.0, 3.0]), mindspore.float32),
                    Tensor(np.array([4.0, 2.0, 6.0]), mindspore.float32)))
print(ops.Minimum()(Tensor(np.array([1.0, 5.0, 3.0]), mindspore.float32),
                    Tensor(np.array([4.0, 2.0, 6.0]), mindspore.float32)))
print(ops.Neg()(Tensor(np.array([1, 2, -1, 2, 0, -3.5]), mindspore.float32)))
print(ops.ReLU()(Tensor(np.array([[-1.0, 4.0, -8.0], [2.0, -5.0, 9.0]]), mindspore.float32)))
