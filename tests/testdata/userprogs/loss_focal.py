"""nn.FocalLoss docstring case."""
import mindspore.common.dtype as mstype
import mindspore.nn as nn
from mindspore import Tensor

logits = Tensor([[0.8, 1.4], [0.5, 0.9], [1.2, 0.9]], mstype.float32)
labels = Tensor([[1], [1], [0]], mstype.int32)
focalloss = nn.FocalLoss(weight=Tensor([1, 2]), gamma=2.0, reduction='mean')
output = focalloss(logits, labels)
print(output)
