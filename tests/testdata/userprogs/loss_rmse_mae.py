"""nn.RMSELoss and nn.MAELoss docstring cases."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor

loss = nn.RMSELoss()
logits = Tensor(np.array([1, 2, 3]), mindspore.float32)
labels = Tensor(np.array([1, 2, 2]), mindspore.float32)
print(loss(logits, labels))
labels = Tensor(np.array([[1, 1, 1], [1, 2, 2]]), mindspore.float32)
print(loss(logits, labels))

loss = nn.MAELoss()
labels = Tensor(np.array([1, 2, 2]), mindspore.float32)
print(loss(logits, labels))
loss = nn.MAELoss(reduction='none')
labels = Tensor(np.array([[1, 1, 1], [1, 2, 2]]), mindspore.float32)
print(loss(logits, labels))
