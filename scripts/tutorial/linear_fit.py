# Fit y = 2x + 3 with a one-unit Dense layer, a LossBase L1 loss and
# Momentum, reporting the loss of every step with LossMonitor.
import numpy as np

import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Model
from mindspore import dataset as ds
from mindspore.nn import LossBase
from mindspore.common.initializer import Normal
from mindspore.train.callback import LossMonitor

np.random.seed(7)
ms.set_seed(7)


class LinearNet(nn.Cell):
    def __init__(self):
        super(LinearNet, self).__init__()
        self.fc = nn.Dense(1, 1, Normal(0.02), Normal(0.02))

    def construct(self, x):
        return self.fc(x)


class AbsLoss(LossBase):
    def __init__(self, reduction="mean"):
        super(AbsLoss, self).__init__(reduction)
        self.abs = ops.Abs()

    def construct(self, base, target):
        return self.get_loss(self.abs(base - target))


def noisy_line(count, slope=2.0, intercept=3.0):
    for _ in range(count):
        x = np.random.uniform(-10.0, 10.0)
        y = x * slope + intercept + np.random.normal(0, 1)
        yield np.array([x]).astype(np.float32), np.array([y]).astype(np.float32)


def make_dataset(count, batch_size=16):
    data = ds.GeneratorDataset(list(noisy_line(count)), column_names=['data', 'label'])
    return data.batch(batch_size)


net = LinearNet()
opt = nn.Momentum(net.trainable_params(), learning_rate=0.005, momentum=0.9)
model = Model(net, AbsLoss(), opt)
model.train(epoch=1, train_dataset=make_dataset(160), callbacks=[LossMonitor()], dataset_sink_mode=False)
print([p.name for p in net.trainable_params()])
