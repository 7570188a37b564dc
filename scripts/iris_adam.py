# Classify iris flowers (four measurements, three species) with a small
# Dense-ReLU-Dense network trained by Adam. Model.fit evaluates the
# held-out flowers after every epoch, and EarlyStopping ends training
# once the validation loss has not improved by 0.002 for 3 epochs.
#
# Run from the repository root: cellrepl run scripts/iris_adam.py
import numpy as np

import mindspore as ms
import mindspore.nn as nn
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.train.callback import EarlyStopping, LossMonitor

np.random.seed(1)
ds.config.set_seed(1)

# The first row is a header: the row count, the column count and the
# species names.
table = np.loadtxt("scripts/data/iris.csv", delimiter=",", skiprows=1)
features = table[:, :4]
labels = table[:, 4].astype(np.int32)
centered = features - features.mean(axis=0)
features = (centered / np.sqrt((centered**2).mean(axis=0))).astype(np.float32)

order = np.random.permutation(len(labels))
train_idx, valid_idx = order[:120], order[120:]
print("train rows:", len(train_idx), "validation rows:", len(valid_idx))

# The training rows are reshuffled every epoch; with the dataset seed
# set, epoch k visits them in the order RandomState(1 + k).permutation.
train_set = ds.NumpySlicesDataset({"x": features[train_idx], "y": labels[train_idx]}, shuffle=True).batch(16)
valid_set = ds.NumpySlicesDataset({"x": features[valid_idx], "y": labels[valid_idx]}, shuffle=False).batch(10)


def dense(n_in, n_out):
    """A Dense layer with He-normal weights drawn from NumPy's generator."""
    w = (np.random.randn(n_out, n_in) * np.sqrt(2.0 / n_in)).astype(np.float32)
    return nn.Dense(n_in, n_out, weight_init=Tensor(w), bias_init=Tensor(np.zeros(n_out, np.float32)))


net = nn.SequentialCell([dense(4, 16), nn.ReLU(), dense(16, 3)])
loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
optimizer = nn.Adam(net.trainable_params(), learning_rate=0.01)
model = Model(net, loss_fn, optimizer, metrics={"acc": nn.Accuracy(), "loss": nn.Loss()})

stop = EarlyStopping(monitor="eval_loss", patience=3, min_delta=0.002, verbose=True)
model.fit(100, train_set, valid_set, callbacks=[stop, LossMonitor(80)])

result = model.eval(valid_set)
print("stopped epoch:", stop.stopped_epoch)
print("validation accuracy:", result["acc"])
print("validation loss:", result["loss"])
