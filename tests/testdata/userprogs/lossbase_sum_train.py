"""A squared-error LossBase with reduction='sum' trained through Model
with Momentum over three epochs."""
import numpy as np
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.nn import LossBase
from mindspore.train.callback import LossMonitor


class SquaredError(LossBase):
    def __init__(self, reduction="sum"):
        super(SquaredError, self).__init__(reduction)
        self.square = ops.Square()

    def construct(self, logits, labels):
        return self.get_loss(self.square(logits - labels))


class LinearNet(nn.Cell):
    def __init__(self):
        super(LinearNet, self).__init__()
        self.fc = nn.Dense(1, 1, weight_init='ones', bias_init='zeros')

    def construct(self, x):
        return self.fc(x)


data = [(np.array([v], np.float32), np.array([0.5 * v - 1], np.float32)) for v in [1.0, -1.0, 2.0, 0.0]]
dataset = ds.GeneratorDataset(data, column_names=["data", "label"], shuffle=False).batch(2)
net = LinearNet()
model = Model(net, SquaredError(), nn.Momentum(net.trainable_params(), learning_rate=0.0625, momentum=0.5))
model.train(3, dataset, callbacks=[LossMonitor()], dataset_sink_mode=False)
print(net.fc.weight.asnumpy(), net.fc.bias.asnumpy())
