# golden: hand-checked (MindSpore tensors; each line matches NumPy 1.24 on the same data)
# Operators on tensors: **, @, //, %, ~, unary minus, elementwise comparisons.
import numpy as np
import mindspore as ms
from mindspore import Tensor, Parameter
a = Tensor(np.array([[1.0, 2.0], [3.0, 4.0]]), ms.float32)
b = Tensor(np.array([[0.5, 1.0], [1.5, 2.0]]), ms.float32)
print(a ** 2)
print(a @ b)
print(a // b, a % b)
print(-a, abs(-a))
print(a > 2, a == b * 2, a != 1.0)
print((a >= 2).dtype, (a < b).shape, type(a > 1).__name__)
mask = Tensor(np.array([True, False, True]))
print(~mask, 1 < 2, 3 == 3.0)
---
# golden: hand-checked
# Augmented assignment on tensors and Parameters.
import numpy as np
import mindspore as ms
from mindspore import Tensor, Parameter
t = Tensor(np.array([1.0, 2.0, 3.0]), ms.float32)
t += 1
t *= 2
t -= Tensor(np.array([1.0, 1.0, 1.0]), ms.float32)
t /= 2
print(t)
w = Parameter(Tensor(np.ones(3), ms.float32), name="w")
w += 1
print(w.asnumpy(), w.name if hasattr(w, "name") else "")
---
# golden: hand-checked
# Subscripts: slices, Ellipsis, None, steps, negative indices, masks, index tensors and lists.
import numpy as np
import mindspore as ms
from mindspore import Tensor
t = Tensor(np.arange(12).reshape(3, 4).astype(np.float32))
print(t[:, 0])
print(t[..., 1:3])
print(t[None].shape, t[:, None].shape, t[::2])
print(t[-1], t[-1, -2], t[1:, ::-1])
print(t[t > 5])
print(t[Tensor(np.array([2, 0]), ms.int32)])
print(t[[0, 2]], t[0, [1, 3]])
---
# golden: hand-checked
# Assignment through subscripts where NumPy and MindSpore allow it.
import numpy as np
import mindspore as ms
from mindspore import Tensor
t = Tensor(np.zeros((2, 4)), ms.float32)
t[0, 1:] = 5.0
t[1] = Tensor(np.array([1.0, 2.0, 3.0, 4.0]), ms.float32)
t[:, 0] = -1.0
print(t)
t[t > 3] = 0.0
print(t)
