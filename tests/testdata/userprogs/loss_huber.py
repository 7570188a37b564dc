"""nn.HuberLoss docstring cases."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor

loss = nn.HuberLoss()
logits = Tensor(np.array([1, 2, 3]), mindspore.float32)
labels = Tensor(np.array([1, 2, 2]), mindspore.float32)
output = loss(logits, labels)
print(output)

loss = nn.HuberLoss(reduction="none")
logits = Tensor(np.array([1, 2, 3]), mindspore.float32)
labels = Tensor(np.array([[1, 1, 1], [1, 2, 2]]), mindspore.float32)
output = loss(logits, labels)
print(output)

loss = nn.HuberLoss(reduction="sum", delta=0.5)
print(loss(Tensor(np.array([0.0, 0.25, 3.0]), mindspore.float32),
           Tensor(np.array([0.0, 0.0, 0.0]), mindspore.float32)))
