# Fit one line against two noisy label columns: a custom WithLossCell
# passes both labels to a loss that averages the two L1 terms, and Model
# trains the wrapped network without a separate loss_fn.
import numpy as np

import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Model
from mindspore import dataset as ds
from mindspore.nn import LossBase
from mindspore.common.initializer import Normal
from mindspore.train.callback import LossMonitor

np.random.seed(11)
ms.set_seed(11)


class LinearNet(nn.Cell):
    def __init__(self):
        super(LinearNet, self).__init__()
        self.fc = nn.Dense(1, 1, Normal(0.02), Normal(0.02))

    def construct(self, x):
        return self.fc(x)


class TwoLabelL1(LossBase):
    def __init__(self, reduction="mean"):
        super(TwoLabelL1, self).__init__(reduction)
        self.abs = ops.Abs()

    def construct(self, base, target1, target2):
        first = self.get_loss(self.abs(base - target1))
        second = self.get_loss(self.abs(base - target2))
        return first / 2 + second / 2


class TwoLabelWithLoss(nn.Cell):
    def __init__(self, backbone, loss_fn):
        super(TwoLabelWithLoss, self).__init__(auto_prefix=False)
        self._backbone = backbone
        self._loss_fn = loss_fn

    def construct(self, data, label1, label2):
        return self._loss_fn(self._backbone(data), label1, label2)


def two_label_rows(count, slope=2.0, intercept=3.0):
    for _ in range(count):
        x = np.random.uniform(-10.0, 10.0)
        y1 = x * slope + intercept + np.random.normal(0, 1)
        y2 = x * slope + intercept + np.random.normal(-1, 1)
        yield (np.array([x]).astype(np.float32),
               np.array([y1]).astype(np.float32),
               np.array([y2]).astype(np.float32))


rows = list(two_label_rows(160))
train_data = ds.GeneratorDataset(rows, column_names=['data', 'label1', 'label2']).batch(16)

net = LinearNet()
loss_net = TwoLabelWithLoss(net, TwoLabelL1())
opt = nn.Momentum(net.trainable_params(), learning_rate=0.005, momentum=0.9)
model = Model(network=loss_net, optimizer=opt)
model.train(epoch=1, train_dataset=train_data, callbacks=[LossMonitor()], dataset_sink_mode=False)
print([p.name for p in loss_net.trainable_params()])
