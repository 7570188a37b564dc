"""nn.MSELoss docstring cases."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor

loss = nn.MSELoss()
logits = Tensor(np.array([1, 2, 3]), mindspore.float32)
labels = Tensor(np.array([1, 1, 1]), mindspore.float32)
output = loss(logits, labels)
print(output)

loss = nn.MSELoss(reduction='none')
logits = Tensor(np.array([1, 2, 3]), mindspore.float32)
labels = Tensor(np.array([[1, 1, 1], [1, 2, 2]]), mindspore.float32)
output = loss(logits, labels)
print(output)
print(nn.MSELoss(reduction='sum')(logits, labels))
