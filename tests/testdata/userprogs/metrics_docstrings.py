"""Metrics used on their own: the examples of MindSpore r1.6's
Accuracy, Loss and MAE docstrings."""
import numpy as np
import mindspore
from mindspore import nn, Tensor

x = Tensor(np.array([[0.2, 0.5], [0.3, 0.1], [0.9, 0.6]]), mindspore.float32)
y = Tensor(np.array([1, 0, 1]), mindspore.float32)
metric = nn.Accuracy('classification')
metric.clear()
metric.update(x, y)
accuracy = metric.eval()
print(accuracy)

x = Tensor(np.array(0.2), mindspore.float32)
loss = nn.Loss()
loss.clear()
loss.update(x)
result = loss.eval()
print(result)

x = Tensor(np.array([0.1, 0.2, 0.6, 0.9]), mindspore.float32)
y = Tensor(np.array([0.1, 0.25, 0.7, 0.9]), mindspore.float32)
error = nn.MAE()
error.clear()
error.update(x, y)
result = error.eval()
print(result)
