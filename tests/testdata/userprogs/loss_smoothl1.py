"""nn.SmoothL1Loss: elementwise in r1.6, with the default and a larger beta."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor

loss = nn.SmoothL1Loss()
logits = Tensor(np.array([1, 2, 3]), mindspore.float32)
labels = Tensor(np.array([1, 2, 2]), mindspore.float32)
output = loss(logits, labels)
print(output)

loss = nn.SmoothL1Loss(beta=2.0)
logits = Tensor(np.array([0.0, 1.0, 4.0, -3.0]), mindspore.float32)
labels = Tensor(np.array([0.0, 0.0, 0.0, 0.0]), mindspore.float32)
print(loss(logits, labels))
