"""TimeMonitor beside LossMonitor; the times differ from run to run, so
this program has no golden output."""
import numpy as np
from mindspore import nn, Model
import mindspore.dataset as ds
from mindspore.train.callback import LossMonitor, TimeMonitor

data = {"data": np.ones((8, 2), np.float32), "label": np.ones((8, 1), np.float32)}
dataset = ds.NumpySlicesDataset(data, shuffle=False).batch(4)
net = nn.Dense(2, 1, weight_init='zeros', bias_init='zeros')
model = Model(net, loss_fn=nn.MSELoss(), optimizer=nn.SGD(net.trainable_params(), learning_rate=0.125))
model.train(2, dataset, callbacks=[TimeMonitor(data_size=dataset.get_dataset_size()), LossMonitor()],
            dataset_sink_mode=False)
