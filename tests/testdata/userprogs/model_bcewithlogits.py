"""BCEWithLogitsLoss on a Dense layer with two outputs, trained with a
single LossMonitor passed without a list."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.train.callback import LossMonitor

x = np.array([[1, 0, 1], [0, 1, 0]], np.float32)
y = np.array([[1, 0], [0, 1]], np.float32)
dataset = ds.NumpySlicesDataset({"data": x, "label": y}, shuffle=False).batch(2)
net = nn.Dense(3, 2, weight_init='zeros', bias_init='zeros')
loss = nn.BCEWithLogitsLoss()
print(loss(net(Tensor(x)), Tensor(y)))
print(nn.BCEWithLogitsLoss(reduction='none')(net(Tensor(x)), Tensor(y)))
model = Model(net, loss, nn.SGD(net.trainable_params(), learning_rate=4.0))
model.train(1, dataset, callbacks=LossMonitor(), dataset_sink_mode=False)
print(net.weight.asnumpy())
print(net.bias.asnumpy())
