"""A random-access source class with __getitem__ and __len__, read in
order with shuffle=False, with one column and with two, then trained."""
import numpy as np
import mindspore.nn as nn
import mindspore.dataset as ds
from mindspore import Model
from mindspore.train.callback import LossMonitor


class LinearData:
    def __init__(self, n):
        self.x = np.arange(n, dtype=np.float32).reshape(n, 1) - 2
        self.y = 4 * self.x + 1

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return len(self.x)


class OnlyX(LinearData):
    def __getitem__(self, index):
        return (self.x[index],)


source = LinearData(6)
dataset = ds.GeneratorDataset(source, column_names=["data", "label"], shuffle=False)
print(len(source), dataset.get_dataset_size(), dataset.get_col_names())
print([int(row["label"].asnumpy()[0]) for row in dataset.create_dict_iterator()])
single = ds.GeneratorDataset(OnlyX(3), column_names=["data"], shuffle=False)
print(single.get_col_names(), [row[0].asnumpy().tolist() for row in single.create_tuple_iterator()])
net = nn.Dense(1, 1, weight_init='zeros', bias_init='ones')
model = Model(net, nn.L1Loss(), nn.Momentum(net.trainable_params(), 0.5, 0.25))
model.train(1, dataset.batch(3), callbacks=[LossMonitor()], dataset_sink_mode=False)
print(net.weight.asnumpy(), net.bias.asnumpy())
