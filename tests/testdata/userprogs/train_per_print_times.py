"""LossMonitor(per_print_times=k) prints when the global step count is
a multiple of k: k = 2 divides the four steps of an epoch, k = 3 does
not, so its second line is epoch 2, step 2. k = 0 prints nothing."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor
import mindspore.dataset as ds
from mindspore.train.callback import LossMonitor

x = np.arange(8, dtype=np.float32).reshape(8, 1)
y = x - 2
for k in [2, 3, 0]:
    dataset = ds.NumpySlicesDataset({"data": x, "label": y}, shuffle=False).batch(2)
    net = nn.Dense(1, 1, weight_init='ones', bias_init='zeros')
    model = Model(net, nn.L1Loss(), nn.SGD(net.trainable_params(), learning_rate=0.125))
    print("per_print_times", k)
    model.train(2, dataset, callbacks=[LossMonitor(per_print_times=k)], dataset_sink_mode=False)
    print(net.bias.asnumpy())
try:
    LossMonitor(-1)
except ValueError as e:
    print("negative", type(e).__name__)
