"""Model.eval with {"loss": nn.Loss()} and a custom Metric subclass,
before and after one training epoch."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor
import mindspore.dataset as ds


class MaxAbsError(nn.Metric):
    def __init__(self):
        super(MaxAbsError, self).__init__()
        self.clear()

    def clear(self):
        self._max = 0.0
        self._batches = 0

    def update(self, *inputs):
        y_pred = self._convert_data(inputs[0])
        y = self._convert_data(inputs[1])
        self._max = max(self._max, float(np.abs(y_pred - y).max()))
        self._batches += 1

    def eval(self):
        return self._max, self._batches


x = np.array([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]], np.float32)
y = 2 * x - 1
dataset = ds.NumpySlicesDataset((x, y), column_names=["data", "label"], shuffle=False).batch(2)
net = nn.Dense(1, 1, weight_init='ones', bias_init='zeros')
model = Model(net, nn.L1Loss(), nn.SGD(net.trainable_params(), learning_rate=0.125),
              metrics={"loss": nn.Loss(), "max_abs": MaxAbsError()})
print(model.eval(dataset, dataset_sink_mode=False))
model.train(1, dataset, dataset_sink_mode=False)
print(net.weight.asnumpy(), net.bias.asnumpy())
result = model.eval(dataset, dataset_sink_mode=False)
print(sorted(result.keys()), result["loss"], result["max_abs"])
