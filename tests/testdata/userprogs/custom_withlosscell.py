"""A custom WithLossCell for a network with two outputs and two labels,
as in the Loss Function tutorial, trained with TrainOneStepCell."""
import numpy as np
import mindspore as ms
import mindspore.ops as ops
from mindspore import nn, Tensor


class TwoHeads(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Dense(1, 1, weight_init='ones', bias_init='zeros')
        self.fc2 = nn.Dense(1, 1, weight_init='zeros', bias_init='zeros')

    def construct(self, x):
        return self.fc1(x), self.fc2(x)


class L1LossForMultiLabel(nn.LossBase):
    def __init__(self, reduction="mean"):
        super(L1LossForMultiLabel, self).__init__(reduction)
        self.abs = ops.Abs()

    def construct(self, base, target1, target2):
        x1 = self.abs(base[0] - target1)
        x2 = self.abs(base[1] - target2)
        return self.get_loss(x1) / 2 + self.get_loss(x2) / 2


class CustomWithLossCell(nn.Cell):
    def __init__(self, backbone, loss_fn):
        super(CustomWithLossCell, self).__init__(auto_prefix=False)
        self._backbone = backbone
        self._loss_fn = loss_fn

    def construct(self, data, label1, label2):
        output = self._backbone(data)
        return self._loss_fn(output, label1, label2)


net = TwoHeads()
loss_net = CustomWithLossCell(net, L1LossForMultiLabel())
x = Tensor(np.array([[1.0], [2.0]]), ms.float32)
y1 = Tensor(np.array([[3.0], [5.0]]), ms.float32)
y2 = Tensor(np.array([[1.0], [2.0]]), ms.float32)
print(loss_net(x, y1, y2))
train = nn.TrainOneStepCell(loss_net, nn.SGD(net.trainable_params(), learning_rate=0.5))
for _ in range(2):
    print(train(x, y1, y2))
print([p.name for p in net.trainable_params()])
print(net.fc1.weight.asnumpy(), net.fc2.weight.asnumpy())
