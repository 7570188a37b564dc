"""mindspore.dtype names, Cast and astype."""
import numpy as np
import mindspore
import mindspore.common.dtype as mstype
from mindspore import Tensor

print(mindspore.float32)
print(mindspore.float64, mindspore.int32, mindspore.int64, mindspore.bool_)
print(mstype.float32 == mindspore.float32)
x = Tensor(np.array([1, 2, 3]), mindspore.int32)
y = x.astype(mindspore.float32)
print(y, y.dtype)
print((x + y).dtype)
print(Tensor(np.array([0.5, 1.5]), mindspore.float32).astype(mindspore.int32))
