"""nn.DiceLoss and nn.MultiClassDiceLoss docstring cases."""
import numpy as np
import mindspore.common.dtype as mstype
import mindspore.nn as nn
from mindspore import Tensor

loss = nn.DiceLoss(smooth=1e-5)
logits = Tensor(np.array([[0.2, 0.5], [0.3, 0.1], [0.9, 0.6]]), mstype.float32)
labels = Tensor(np.array([[0, 1], [1, 0], [0, 1]]), mstype.float32)
output = loss(logits, labels)
print(output)

loss = nn.MultiClassDiceLoss(weights=None, ignore_indiex=None, activation="softmax")
logits = Tensor(np.array([[0.2, 0.5, 0.7], [0.3, 0.1, 0.5], [0.9, 0.6, 0.3]]), mstype.float32)
labels = Tensor(np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1]]), mstype.float32)
output = loss(logits, labels)
print(output)
