"""SoftmaxCrossEntropyWithLogits with one-hot float labels, four classes
and reduction='sum', in Model.train with per-row labels from a
generator. Zero weights make the first loss 4 * log(4)."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.train.callback import LossMonitor


def rows():
    eye = np.eye(4, dtype=np.float32)
    for i in range(4):
        x = np.zeros(3, np.float32)
        x[i % 3] = 1.0
        yield x, eye[i]


dataset = ds.GeneratorDataset(rows, column_names=["features", "onehot"]).batch(4)
for features, onehot in dataset.create_tuple_iterator():
    print(features.shape, onehot.dtype)
net = nn.Dense(3, 4, weight_init='zeros', bias_init='zeros')
loss = nn.SoftmaxCrossEntropyWithLogits(reduction='sum')
model = Model(net, loss, nn.SGD(net.trainable_params(), learning_rate=0.5))
model.train(1, dataset, callbacks=[LossMonitor(1)], dataset_sink_mode=False)
print(net.weight.asnumpy())
print(net.bias.asnumpy())
