"""nn.SoftmaxCrossEntropyWithLogits docstring cases, sparse and dense."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor

loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True)
logits = Tensor(np.array([[3, 5, 6, 9, 12, 33, 42, 12, 32, 72]]), mindspore.float32)
labels_np = np.array([1]).astype(np.int32)
labels = Tensor(labels_np)
output = loss(logits, labels)
print(output)

loss = nn.SoftmaxCrossEntropyWithLogits(sparse=False)
logits = Tensor(np.array([[3, 5, 6, 9, 12, 33, 42, 12, 32, 72]]), mindspore.float32)
labels_np = np.array([[0, 0, 0, 0, 0, 0, 1, 0, 0, 0]]).astype(np.float32)
labels = Tensor(labels_np)
output = loss(logits, labels)
print(output)

loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='sum')
logits = Tensor(np.array([[0.0, 0.0], [0.0, 0.0]]), mindspore.float32)
labels = Tensor(np.array([0, 1]), mindspore.int32)
print(loss(logits, labels))
