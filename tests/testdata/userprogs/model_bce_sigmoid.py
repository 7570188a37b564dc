"""BCELoss(reduction='mean') after a Sigmoid in Model.train. Zero
weights give probabilities of exactly 0.5, so the first loss is log(2)
and the first step moves each weight by a multiple of 1/16."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.train.callback import LossMonitor


class Classifier(nn.Cell):
    def __init__(self):
        super(Classifier, self).__init__()
        self.fc = nn.Dense(2, 1, weight_init='zeros', bias_init='zeros')
        self.sigmoid = nn.Sigmoid()

    def construct(self, x):
        return self.sigmoid(self.fc(x))


x = np.array([[1, 1], [2, 0], [-1, 1], [0, -2]], np.float32)
y = np.array([[1], [1], [0], [0]], np.float32)
dataset = ds.NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=False).batch(4)
net = Classifier()
loss = nn.BCELoss(reduction='mean')
print(nn.BCELoss()(net(Tensor(x)), Tensor(y)).shape)
model = Model(net, loss, nn.SGD(net.trainable_params(), learning_rate=2.0))
model.train(1, dataset, callbacks=[LossMonitor()], dataset_sink_mode=False)
for param in net.trainable_params():
    print(param.name, param.asnumpy())
