# Classify the UCI handwritten digits (8x8 images, 10 classes) with a
# Dense-ReLU-Dense network, sparse softmax cross-entropy and Momentum,
# then report accuracy on a held-out fifth of the data.
#
# Run from the repository root: cellrepl run scripts/digits.py
import numpy as np

import mindspore as ms
import mindspore.nn as nn
from mindspore import Model
from mindspore import dataset as ds
from mindspore.train.callback import LossMonitor

np.random.seed(0)
ms.set_seed(0)

table = np.loadtxt("scripts/data/digits.csv.gz", delimiter=",")
features = (table[:, :64] / 16.0).astype(np.float32)
labels = table[:, 64].astype(np.int32)

order = np.random.permutation(len(labels))
split = len(labels) * 4 // 5
train_idx, test_idx = order[:split], order[split:]
print("train rows:", len(train_idx), "test rows:", len(test_idx))

batch = 32
train_set = ds.NumpySlicesDataset((features[train_idx], labels[train_idx]), column_names=["image", "label"], shuffle=True).batch(batch)
test_set = ds.NumpySlicesDataset((features[test_idx], labels[test_idx]), column_names=["image", "label"], shuffle=False).batch(batch)


class DigitNet(nn.Cell):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Dense(64, 128, weight_init="he_uniform")
        self.relu = nn.ReLU()
        self.out = nn.Dense(128, 10, weight_init="he_uniform")

    def construct(self, x):
        return self.out(self.relu(self.hidden(x)))


net = DigitNet()
loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
opt = nn.Momentum(net.trainable_params(), learning_rate=0.05, momentum=0.9)
model = Model(net, loss_fn, opt, metrics={"acc": nn.Accuracy()})

steps_per_epoch = train_set.get_dataset_size()
model.train(15, train_set, callbacks=[LossMonitor(per_print_times=steps_per_epoch)], dataset_sink_mode=False)

result = model.eval(test_set)
print(f"held-out accuracy: {result['acc']:.4f}")
