"""LossMonitor(per_print_times=3) over two epochs of two steps each.
The inputs and learning rate make each float32 step exact."""
import numpy as np
import mindspore as ms
from mindspore import nn, Model
import mindspore.dataset as ds
from mindspore.train.callback import LossMonitor

data = {"data": np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 0.0]], np.float32),
        "label": np.array([[1.0], [2.0], [3.0], [2.0]], np.float32)}
dataset = ds.NumpySlicesDataset(data, shuffle=False).batch(2)
print(dataset.get_dataset_size())
net = nn.Dense(2, 1, weight_init='zeros', bias_init='zeros')
model = Model(net, loss_fn=nn.MSELoss(), optimizer=nn.SGD(net.trainable_params(), learning_rate=0.125))
model.train(3, dataset, callbacks=[LossMonitor(per_print_times=3)], dataset_sink_mode=False)
model.train(1, dataset, callbacks=[LossMonitor()], dataset_sink_mode=False)
