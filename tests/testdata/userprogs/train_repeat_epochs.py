"""Model.train with epoch=2 over a dataset repeated twice: each epoch
runs the repeated dataset once, and LossMonitor counts steps within the
epoch."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor
import mindspore.dataset as ds
from mindspore.train.callback import LossMonitor

x = np.array([[1.0], [2.0], [3.0], [4.0]], np.float32)
y = 0.5 * x
dataset = ds.NumpySlicesDataset((x, y), column_names=["data", "label"], shuffle=False)
dataset = dataset.batch(2).repeat(2)
print(dataset.get_dataset_size())
net = nn.Dense(1, 1, weight_init='zeros', bias_init='zeros')
model = Model(net, nn.L1Loss(), nn.SGD(net.trainable_params(), learning_rate=0.25))
model.train(2, dataset, callbacks=[LossMonitor()], dataset_sink_mode=False)
print(net.weight.asnumpy(), net.bias.asnumpy())
