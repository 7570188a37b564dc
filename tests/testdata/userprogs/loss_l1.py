"""nn.L1Loss as its r1.6 docstring uses it, plus each reduction."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor

loss = nn.L1Loss()
logits = Tensor(np.array([1, 2, 3]), mindspore.float32)
labels = Tensor(np.array([1, 2, 2]), mindspore.float32)
output = loss(logits, labels)
print(output)

loss = nn.L1Loss(reduction='none')
logits = Tensor(np.array([1, 2, 3]), mindspore.float32)
labels = Tensor(np.array([[1, 1, 1], [1, 2, 2]]), mindspore.float32)
output = loss(logits, labels)
print(output)

loss = nn.L1Loss(reduction='sum')
output = loss(logits, labels)
print(output)
print(output.shape, output.dtype)
