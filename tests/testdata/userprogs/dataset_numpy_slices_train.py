"""NumpySlicesDataset from a dict, a tuple and a list, its size, columns
and a batch, then Model.train on two features with MSELoss."""
import numpy as np
import mindspore.nn as nn
import mindspore.dataset as ds
from mindspore import Model, Tensor
from mindspore.train.callback import LossMonitor

features = np.array([[1, 0], [0, 1], [1, 1], [2, -1], [-1, 2], [0, 0], [3, 1], [1, 3]], np.float32)
targets = (features @ np.array([[1.0], [-1.0]], np.float32)).astype(np.float32)
from_dict = ds.NumpySlicesDataset({"a": features, "b": targets}, shuffle=False)
from_tuple = ds.NumpySlicesDataset((features, targets), column_names=["data", "label"], shuffle=False)
from_list = ds.NumpySlicesDataset([1, 2, 3], column_names=["n"], shuffle=False)
print(from_dict.get_col_names(), from_tuple.get_col_names(), from_list.get_col_names())
print(from_dict.get_dataset_size(), from_list.get_dataset_size())
print([int(row["n"].asnumpy()) for row in from_list.create_dict_iterator()])
batch = next(from_tuple.batch(4).create_dict_iterator())
print(batch["data"])
print(batch["label"].shape)
net = nn.Dense(2, 1, weight_init=Tensor(np.array([[0.5, 0.5]], np.float32)), bias_init='zeros')
model = Model(net, nn.MSELoss(), nn.Momentum(net.trainable_params(), learning_rate=0.0625, momentum=0.5))
model.train(1, from_tuple.batch(4), callbacks=[LossMonitor()], dataset_sink_mode=False)
print(net.weight.asnumpy(), net.bias.asnumpy())
