"""SmoothL1Loss has no reduction in r1.6, so the loss Cell returns one
value per element: Model.train back-propagates ones for every element
and LossMonitor prints their mean."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.train.callback import LossMonitor

data = [(np.array([v], np.float32), np.array([2 * v], np.float32)) for v in [0.5, 1.0, -1.5, 2.0]]
dataset = ds.GeneratorDataset(data, column_names=['data', 'label'], shuffle=False).batch(2)
net = nn.Dense(1, 1, weight_init=Tensor(np.array([[1.0]], np.float32)), bias_init='zeros')
loss = nn.SmoothL1Loss()
print(loss(net(Tensor(np.array([[0.5], [3.0]], np.float32))), Tensor(np.array([[1.0], [6.0]], np.float32))))
model = Model(net, loss, nn.Momentum(net.trainable_params(), 0.25, 0.5))
model.train(2, dataset, callbacks=LossMonitor(), dataset_sink_mode=False)
print(net.weight.asnumpy(), net.bias.asnumpy())
