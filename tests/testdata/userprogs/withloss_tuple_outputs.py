"""A loss Cell that returns a tuple (loss, logits): called directly it
gives both, and TrainOneStepCell trains a wrapper that keeps element 0."""
import numpy as np
import mindspore.nn as nn
from mindspore import Tensor


class LossAndLogits(nn.Cell):
    def __init__(self, backbone):
        super(LossAndLogits, self).__init__(auto_prefix=False)
        self._backbone = backbone
        self._loss_fn = nn.L1Loss()

    def construct(self, data, label):
        logits = self._backbone(data)
        return self._loss_fn(logits, label), logits


class LossOnly(nn.Cell):
    def __init__(self, net):
        super(LossOnly, self).__init__(auto_prefix=False)
        self.net = net

    def construct(self, data, label):
        loss, _ = self.net(data, label)
        return loss


backbone = nn.Dense(1, 1, weight_init='zeros', bias_init='zeros')
with_logits = LossAndLogits(backbone)
data = Tensor(np.array([[1.0], [2.0]], np.float32))
label = Tensor(np.array([[2.0], [4.0]], np.float32))
outputs = with_logits(data, label)
print(type(outputs).__name__, len(outputs))
print(outputs[0], outputs[1].T)
train = nn.TrainOneStepCell(LossOnly(with_logits), nn.SGD(backbone.trainable_params(), learning_rate=0.5))
for _ in range(3):
    print(train(data, label))
loss, logits = with_logits(data, label)
print(loss, logits.asnumpy().ravel())
