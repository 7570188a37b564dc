"""Creating Tensors and printing values, shapes and dtypes."""
import numpy as np
import mindspore
from mindspore import Tensor

t = Tensor(np.array([[1, 2], [3, 4]]), mindspore.int32)
print(t)
print(t.shape, t.dtype, t.ndim, t.size)
print(type(t.asnumpy()), t.asnumpy().dtype)

f = Tensor(np.array([[0.5, 1.25, -3.0]]), mindspore.float32)
print(f)
print(f.shape)
print(f.dtype)
print(f.asnumpy())
print(f.asnumpy().tolist())

print(Tensor(np.zeros((2, 3), np.float32)))
print(Tensor(np.ones((2, 2)), mindspore.float32) * 2)
print(Tensor(np.array([1.0, 2.0, 3.0]), mindspore.float32) + 1)
print(Tensor(np.array([0.1, 0.2, 0.3]), mindspore.float32))
print(Tensor(np.array([1e-5, 1.0, 1e5]), mindspore.float32))
print(Tensor(np.array([True, False])))
print(Tensor(np.array([True, False])).dtype)
print(Tensor(np.array([1, 2, 3], np.int64)).dtype)
print(Tensor(np.array([1.5], np.float64)).dtype)
print(float(Tensor(np.array([2.5]), mindspore.float32)))
print(int(Tensor(np.array([7]), mindspore.int32)))
print(Tensor(np.arange(6), mindspore.float32).reshape((2, 3)).mean())
print(Tensor(np.arange(6), mindspore.float32).sum())
