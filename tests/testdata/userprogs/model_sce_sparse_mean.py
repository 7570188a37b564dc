"""SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean') in
Model.train. The Dense layer starts at zero, so the first softmax is
uniform: the loss is log(2) and one step moves each weight by a
multiple of 1/8."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.train.callback import LossMonitor

features = np.array([[1, 0], [0, 1], [2, 1], [1, 2]], np.float32)
labels = np.array([0, 1, 0, 1], np.int32)
dataset = ds.NumpySlicesDataset({"x": features, "y": labels}, shuffle=False).batch(4)
print(dataset.get_col_names(), dataset.get_dataset_size())
net = nn.Dense(2, 2, weight_init='zeros', bias_init='zeros')
loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')
print(nn.SoftmaxCrossEntropyWithLogits(sparse=True)(net(Tensor(features)), Tensor(labels)))
model = Model(net, loss_fn=loss, optimizer=nn.Momentum(net.trainable_params(), learning_rate=1.0, momentum=0.9))
model.train(1, dataset, callbacks=[LossMonitor()], dataset_sink_mode=False)
print(net.weight.asnumpy())
print(net.bias.asnumpy())
print(net(Tensor(features)).argmax(axis=1))
