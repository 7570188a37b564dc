"""Neural-network primitives: LogSoftmax, MatMul, OneHot, Argmax, Cast."""
import numpy as np
import mindspore
import mindspore.ops as ops
from mindspore import Tensor

print(ops.LogSoftmax()(Tensor(np.array([0.0, 0.0]), mindspore.float32)))

x = Tensor(np.ones(shape=[1, 3]), mindspore.float32)
y = Tensor(np.ones(shape=[3, 4]), mindspore.float32)
matmul = ops.MatMul()
print(matmul(x, y))
print(ops.MatMul(transpose_b=True)(x, Tensor(np.ones(shape=[2, 3]), mindspore.float32)))

indices = Tensor(np.array([0, 1, 2]), mindspore.int32)
depth, on_value, off_value = 3, Tensor(1.0, mindspore.float32), Tensor(0.0, mindspore.float32)
onehot = ops.OneHot()
print(onehot(indices, depth, on_value, off_value))

x = Tensor(np.array([[1, 20, 5], [67, 8, 9], [130, 24, 15]]).astype(np.float32))
print(ops.Argmax(output_type=mindspore.int32)(x))
print(ops.Argmax(axis=0)(x).dtype)

x = Tensor(np.array([1.7, -2.2, 3.9]), mindspore.float32)
cast = ops.Cast()
y = cast(x, mindspore.int32)
print(y, y.dtype)
print(ops.Cast()(y, mindspore.float64).dtype)
