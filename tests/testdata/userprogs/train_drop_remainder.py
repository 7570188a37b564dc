"""batch(3) over five rows with drop_remainder=False keeps a batch of
two; drop_remainder=True drops it. Both train the same start weights."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor
import mindspore.dataset as ds
from mindspore.train.callback import LossMonitor


def rows():
    for v in [1.0, -1.0, 2.0, 0.0, 3.0]:
        yield np.array([v], np.float32), np.array([v + 1], np.float32)


for drop in [False, True]:
    dataset = ds.GeneratorDataset(rows, column_names=["data", "label"]).batch(3, drop_remainder=drop)
    print("drop_remainder", drop, "size", dataset.get_dataset_size())
    print([batch[0].shape for batch in dataset.create_tuple_iterator()])
    net = nn.Dense(1, 1, weight_init='ones', bias_init='zeros')
    model = Model(net, nn.L1Loss(reduction='sum'), nn.SGD(net.trainable_params(), learning_rate=0.125))
    model.train(1, dataset, callbacks=[LossMonitor()], dataset_sink_mode=False)
    print(net.weight.asnumpy(), net.bias.asnumpy())
