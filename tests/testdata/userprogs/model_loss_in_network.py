"""Model with loss_fn=None: the network computes its own loss, so Model
does not wrap it in WithLossCell. A custom Callback reads
cb_params.net_outputs, the loss before each update."""
import numpy as np
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Model, Tensor
import mindspore.dataset as ds
from mindspore.train.callback import Callback, LossMonitor


class NetWithLoss(nn.Cell):
    def __init__(self):
        super(NetWithLoss, self).__init__()
        self.fc = nn.Dense(2, 1, weight_init=Tensor(np.array([[1.0, -1.0]], np.float32)), bias_init='zeros')
        self.abs = ops.Abs()
        self.mean = ops.ReduceMean()

    def construct(self, x, y):
        return self.mean(self.abs(self.fc(x) - y))


class History(Callback):
    def __init__(self):
        super(History, self).__init__()
        self.losses = []

    def step_end(self, run_context):
        self.losses.append(run_context.original_args().net_outputs.asnumpy().item())


x = np.array([[1, 2], [2, 1], [0, 1], [3, 3]], np.float32)
y = x.sum(axis=1, keepdims=True)
dataset = ds.NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=False).batch(2)
net = NetWithLoss()
history = History()
model = Model(net, optimizer=nn.Momentum(net.trainable_params(), learning_rate=0.25, momentum=0.5))
model.train(2, dataset, callbacks=[history, LossMonitor()], dataset_sink_mode=False)
print(history.losses)
print([p.name for p in net.trainable_params()])
print(net.fc.weight.asnumpy(), net.fc.bias.asnumpy())
