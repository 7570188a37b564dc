"""The tutorial's linear fit with the built-in L1Loss and fixed weights.

Dense(1, 1) starts at w = 0.5, b = 0.25 and fits y = 2x + 3 on eight
points, batch 4, for two epochs with Momentum."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.train.callback import LossMonitor


class LinearNet(nn.Cell):
    def __init__(self):
        super(LinearNet, self).__init__()
        self.fc = nn.Dense(1, 1, Tensor(np.array([[0.5]], np.float32)), Tensor(np.array([0.25], np.float32)))

    def construct(self, x):
        return self.fc(x)


def get_data(num, w=2.0, b=3.0):
    for i in range(num):
        x = float(i - 2)
        yield np.array([x]).astype(np.float32), np.array([x * w + b]).astype(np.float32)


def create_dataset(num_data, batch_size=4):
    dataset = ds.GeneratorDataset(list(get_data(num_data)), column_names=['data', 'label'], shuffle=False)
    dataset = dataset.batch(batch_size)
    return dataset


net = LinearNet()
loss = nn.L1Loss()
opt = nn.Momentum(net.trainable_params(), learning_rate=0.125, momentum=0.5)
model = Model(net, loss, opt)
ds_train = create_dataset(num_data=8)
model.train(epoch=2, train_dataset=ds_train, callbacks=[LossMonitor()], dataset_sink_mode=False)
print(net.fc.weight.asnumpy(), net.fc.bias.asnumpy())
