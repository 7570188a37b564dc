"""The tutorial's multilabel world with exact data: L1LossForMultiLabel,
CustomWithLossCell with auto_prefix=False, and Model(network=loss_net,
optimizer=opt) without loss_fn."""
import numpy as np
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.nn import LossBase
from mindspore.train.callback import LossMonitor


class LinearNet(nn.Cell):
    def __init__(self):
        super(LinearNet, self).__init__()
        self.fc = nn.Dense(1, 1, Tensor(np.array([[1.0]], np.float32)), Tensor(np.array([0.0], np.float32)))

    def construct(self, x):
        return self.fc(x)


class L1LossForMultiLabel(LossBase):
    def __init__(self, reduction="mean"):
        super(L1LossForMultiLabel, self).__init__(reduction)
        self.abs = ops.Abs()

    def construct(self, base, target1, target2):
        x1 = self.abs(base - target1)
        x2 = self.abs(base - target2)
        return self.get_loss(x1) / 2 + self.get_loss(x2) / 2


class CustomWithLossCell(nn.Cell):
    def __init__(self, backbone, loss_fn):
        super(CustomWithLossCell, self).__init__(auto_prefix=False)
        self._backbone = backbone
        self._loss_fn = loss_fn

    def construct(self, data, label1, label2):
        output = self._backbone(data)
        return self._loss_fn(output, label1, label2)


def get_multilabel_data(num, w=2.0, b=3.0):
    for i in range(num):
        x = float(i) - 4.0
        y1 = x * w + b + 0.5
        y2 = x * w + b - 1.0
        yield np.array([x]).astype(np.float32), np.array([y1]).astype(np.float32), np.array([y2]).astype(np.float32)


def create_multilabel_dataset(num_data, batch_size=4):
    dataset = ds.GeneratorDataset(list(get_multilabel_data(num_data)), column_names=['data', 'label1', 'label2'],
                                  shuffle=False)
    dataset = dataset.batch(batch_size)
    return dataset


net = LinearNet()
loss = L1LossForMultiLabel()
loss_net = CustomWithLossCell(net, loss)
opt = nn.Momentum(net.trainable_params(), learning_rate=0.0625, momentum=0.5)
model = Model(network=loss_net, optimizer=opt)
ds_train = create_multilabel_dataset(num_data=8)
print(ds_train.get_dataset_size(), ds_train.get_col_names())
model.train(epoch=2, train_dataset=ds_train, callbacks=[LossMonitor()], dataset_sink_mode=False)
print([p.name for p in loss_net.trainable_params()])
print(net.fc.weight.asnumpy(), net.fc.bias.asnumpy())
