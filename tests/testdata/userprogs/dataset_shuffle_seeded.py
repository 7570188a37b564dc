"""shuffle=True under ds.config.set_seed and mindspore.set_seed: the same
seed gives the same order, and training on one full-size batch per
epoch gives losses that do not depend on the order."""
import numpy as np
import mindspore
import mindspore.nn as nn
import mindspore.dataset as ds
from mindspore import Model
from mindspore.train.callback import LossMonitor

x = np.array([[1.0], [2.0], [3.0], [4.0]], np.float32)
y = 3 * x


def order():
    dataset = ds.NumpySlicesDataset((x, y), column_names=["data", "label"], shuffle=True)
    return [float(row[0].asnumpy()[0]) for row in dataset.create_tuple_iterator()]


ds.config.set_seed(7)
first = order()
ds.config.set_seed(7)
print(first == order(), sorted(first))
mindspore.set_seed(3)
print(ds.config.get_seed())
second = order()
mindspore.set_seed(3)
print(second == order(), sorted(second))

dataset = ds.GeneratorDataset(list(zip(x, y)), column_names=["data", "label"], shuffle=True).batch(4)
net = nn.Dense(1, 1, weight_init='ones', bias_init='zeros')
model = Model(net, nn.L1Loss(), nn.SGD(net.trainable_params(), learning_rate=0.25))
model.train(3, dataset, callbacks=[LossMonitor()], dataset_sink_mode=False)
print(net.weight.asnumpy(), net.bias.asnumpy())
