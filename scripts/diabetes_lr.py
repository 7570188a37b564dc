# Predict diabetes progression one year ahead from ten baseline
# measurements with linear regression (one Dense layer, MSELoss, SGD).
# The learning rate follows an exponential schedule: nn.exponential_decay_lr
# returns one rate per step, multiplying 0.1 by 0.8 after every epoch.
# MAE and MSE are reported on held-out patients, in standardized units
# and in the target's own units.
#
# Run from the repository root: cellrepl run scripts/diabetes_lr.py
import numpy as np

import mindspore as ms
import mindspore.nn as nn
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.train.callback import LossMonitor

np.random.seed(3)
ds.config.set_seed(3)

raw = np.loadtxt("scripts/data/diabetes_data_raw.csv.gz")
target = np.loadtxt("scripts/data/diabetes_target.csv.gz").reshape(-1, 1)


def standardize(x):
    centered = x - x.mean(axis=0)
    scale = np.sqrt((centered**2).mean(axis=0))
    return (centered / scale).astype(np.float32), scale


features, _ = standardize(raw)
labels, target_scale = standardize(target)

order = np.random.permutation(len(labels))
train_idx, test_idx = order[:354], order[354:]
print("train rows:", len(train_idx), "test rows:", len(test_idx))

batch = 32
epochs = 15
train_set = ds.NumpySlicesDataset((features[train_idx], labels[train_idx]), column_names=["x", "y"]).batch(batch)
test_set = ds.NumpySlicesDataset((features[test_idx], labels[test_idx]), column_names=["x", "y"], shuffle=False).batch(batch)
steps = train_set.get_dataset_size()

schedule = nn.exponential_decay_lr(0.1, 0.8, steps * epochs, steps, 1, is_stair=True)
print("learning rate: first", schedule[0], "last", round(schedule[-1], 8))

net = nn.Dense(10, 1, weight_init=Tensor(np.zeros((1, 10), np.float32)), bias_init=Tensor(np.zeros(1, np.float32)))
optimizer = nn.SGD(net.trainable_params(), learning_rate=schedule)
model = Model(net, nn.MSELoss(), optimizer, metrics={"mae": nn.MAE(), "mse": nn.MSE()})
model.train(epochs, train_set, callbacks=[LossMonitor(steps * 5)])

result = model.eval(test_set)
print("test MAE:", result["mae"])
print("test MSE:", result["mse"])
print("test MAE in target units:", result["mae"] * float(target_scale[0]))
