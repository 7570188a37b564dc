"""Model.train on a GeneratorDataset with a map that builds the label
from the data, checked by evaluating the Loss metric."""
import numpy as np
import mindspore as ms
from mindspore import nn, Model
import mindspore.dataset as ds


def generator():
    for x in [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 0.0]]:
        yield (np.array(x, np.float32),)


def add_label(x):
    return x, np.array([x[0] + 2 * x[1]], np.float32)


dataset = ds.GeneratorDataset(generator, column_names=["data"], shuffle=False)
dataset = dataset.map(operations=add_label, input_columns=["data"], output_columns=["data", "label"],
                      column_order=["data", "label"])
print(dataset.get_col_names())
dataset = dataset.batch(4)
net = nn.Dense(2, 1, weight_init='zeros', bias_init='zeros')
loss = nn.MSELoss()
model = Model(net, loss_fn=loss, optimizer=nn.SGD(net.trainable_params(), learning_rate=0.125),
              metrics={"loss": nn.Loss(), "mae": nn.MAE()})
print(model.eval(dataset, dataset_sink_mode=False))
model.train(1, dataset, dataset_sink_mode=False)
print(net.weight.asnumpy(), net.bias.asnumpy())
