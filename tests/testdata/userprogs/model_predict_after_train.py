"""Model.train then Model.predict and Model.eval on the trained Dense
layer, with the Loss and MAE metrics."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor
import mindspore.dataset as ds
from mindspore.train.callback import LossMonitor

x = np.array([[0.0], [1.0], [2.0], [3.0]], np.float32)
y = 2 * x + 1
dataset = ds.GeneratorDataset(list(zip(x, y)), column_names=["data", "label"], shuffle=False).batch(4)
net = nn.Dense(1, 1, weight_init='ones', bias_init='ones')
model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), learning_rate=0.125),
              metrics={"loss": nn.Loss(), "mae": nn.MAE()})
model.train(2, dataset, callbacks=LossMonitor(), dataset_sink_mode=False)
print(model.predict(Tensor(x)))
print(model.eval(dataset, dataset_sink_mode=False))
