"""The tutorial's L1Loss(LossBase) built with reduction='none': the
loss Cell returns one value per sample, Model.train back-propagates
ones and LossMonitor prints the mean."""
import numpy as np
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.nn import LossBase
from mindspore.train.callback import LossMonitor


class L1Loss(LossBase):
    def __init__(self, reduction="mean"):
        super(L1Loss, self).__init__(reduction)
        self.abs = ops.Abs()

    def construct(self, base, target):
        x = self.abs(base - target)
        return self.get_loss(x)


class LinearNet(nn.Cell):
    def __init__(self):
        super(LinearNet, self).__init__()
        self.fc = nn.Dense(1, 1, Tensor(np.array([[0.25]], np.float32)), Tensor(np.array([-0.5], np.float32)))

    def construct(self, x):
        return self.fc(x)


x = np.arange(-3, 5, dtype=np.float32).reshape(8, 1)
y = 2 * x + 3
loss = L1Loss(reduction="none")
net = LinearNet()
print(loss(net(Tensor(x[:4])), Tensor(y[:4])))
dataset = ds.NumpySlicesDataset((x, y), column_names=["data", "label"], shuffle=False).batch(4)
model = Model(net, loss, nn.Momentum(net.trainable_params(), learning_rate=0.03125, momentum=0.5))
model.train(2, dataset, callbacks=[LossMonitor()], dataset_sink_mode=False)
print(net.fc.weight.asnumpy(), net.fc.bias.asnumpy())
