"""nn.BCELoss docstring case with weights, and the r1.6 default reduction."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor

weight = Tensor(np.array([[1.0, 2.0, 3.0], [4.0, 3.3, 2.2]]), mindspore.float32)
loss = nn.BCELoss(weight=weight, reduction='mean')
logits = Tensor(np.array([[0.1, 0.2, 0.3], [0.5, 0.7, 0.9]]), mindspore.float32)
labels = Tensor(np.array([[0, 1, 0], [0, 0, 1]]), mindspore.float32)
output = loss(logits, labels)
print(output)

loss = nn.BCELoss()
logits = Tensor(np.array([0.5, 0.5]), mindspore.float32)
labels = Tensor(np.array([1.0, 0.0]), mindspore.float32)
output = loss(logits, labels)
print(output.shape)
