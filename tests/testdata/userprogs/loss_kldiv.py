"""nn.KLDivLoss docstring case and the other reductions."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor

logits = Tensor(np.array([0.2, 0.7, 0.1]), mindspore.float32)
labels = Tensor(np.array([0., 1., 0.]), mindspore.float32)
loss = nn.KLDivLoss(reduction='mean')
output = loss(logits, labels)
print(output)
print(nn.KLDivLoss(reduction='sum')(logits, labels))
print(nn.KLDivLoss(reduction='none')(logits, labels))
