"""Shape manipulation primitives."""
import numpy as np
import mindspore
import mindspore.ops as ops
from mindspore import Tensor

x = Tensor(np.array([[-0.1, 0.3, 3.6], [0.4, 0.5, -3.2]]), mindspore.float32)
reshape = ops.Reshape()
output = reshape(x, (3, 2))
print(output)

x = Tensor(np.arange(12).reshape(2, 2, 3), mindspore.float32)
print(ops.Transpose()(x, (0, 2, 1)).shape)
print(ops.Transpose()(x, (0, 2, 1)))

a = Tensor(np.array([[0, 1], [2, 1]]).astype(np.float32))
b = Tensor(np.array([[0, 1], [2, 1]]).astype(np.float32))
print(ops.Concat()((a, b)))
print(ops.Concat(1)((a, b)))
print(ops.Stack()((a, b)).shape)
print(ops.ExpandDims()(a, 0).shape)
print(ops.Squeeze()(Tensor(np.ones(shape=[3, 1, 2]), mindspore.float32)).shape)
print(ops.Tile()(a, (1, 2)))
print(ops.Shape()(x))
print(ops.Size()(x))
print(ops.Rank()(x))
