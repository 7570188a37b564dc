"""Fit y = 2x + 1 with Model(net, loss, opt).train and LossMonitor.

The weights start at fixed values and the learning rate is a power of
two, so every float32 step is exact and the printed losses are too."""
import numpy as np
import mindspore as ms
import mindspore.dataset as ds
from mindspore import nn, Tensor, Model, context
from mindspore.train.callback import LossMonitor

context.set_context(mode=context.GRAPH_MODE, device_target="CPU")


def get_data(num):
    for i in range(num):
        x = np.array([float(i)], np.float32)
        yield x, 2 * x + 1


class LinearNet(nn.Cell):
    def __init__(self):
        super(LinearNet, self).__init__()
        self.fc = nn.Dense(1, 1, weight_init=Tensor(np.array([[1.0]], np.float32)), bias_init='zeros')

    def construct(self, x):
        return self.fc(x)


train_dataset = ds.GeneratorDataset(list(get_data(4)), column_names=['data', 'label'], shuffle=False).batch(2)
net = LinearNet()
net_loss = nn.MSELoss()
net_opt = nn.Momentum(net.trainable_params(), learning_rate=0.0625, momentum=0.5)
model = Model(net, net_loss, net_opt)
model.train(2, train_dataset, callbacks=[LossMonitor()], dataset_sink_mode=False)
for p in net.trainable_params():
    print(p.name, p.asnumpy())
