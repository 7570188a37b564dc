"""MSELoss(reduction='sum') in Model.train with plain SGD: the printed
loss is the batch sum, and the gradient is not divided by the batch."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.train.callback import LossMonitor

x = np.array([[1.0], [2.0], [0.0], [-1.0], [3.0], [-2.0]], np.float32)
y = 3 * x - 1
dataset = ds.NumpySlicesDataset((x, y), column_names=['data', 'label'], shuffle=False).batch(2)
net = nn.Dense(1, 1, weight_init='zeros', bias_init='zeros')
model = Model(net, nn.MSELoss(reduction='sum'), nn.SGD(net.trainable_params(), learning_rate=0.03125))
model.train(1, dataset, callbacks=[LossMonitor()], dataset_sink_mode=False)
print(net.weight.asnumpy(), net.bias.asnumpy())
