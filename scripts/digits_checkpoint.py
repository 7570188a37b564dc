# Classify the UCI handwritten digits (8x8 images, 10 classes) with a
# Dense-ReLU-Dense network and Momentum. A custom Callback prints each
# epoch's mean training loss and stops once it falls below 0.1;
# ModelCheckpoint saves the weights after every epoch, keeping the last
# three files. A fresh network then loads the latest checkpoint and is
# evaluated on held-out digits.
#
# Run from the repository root: cellrepl run scripts/digits_checkpoint.py
# (checkpoints go to ./checkpoints).
import numpy as np

import mindspore as ms
import mindspore.nn as nn
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.train.callback import Callback, CheckpointConfig, ModelCheckpoint

np.random.seed(0)
ds.config.set_seed(2)

table = np.loadtxt("scripts/data/digits.csv.gz", delimiter=",")
features = (table[:, :64] / 16.0).astype(np.float32)
labels = table[:, 64].astype(np.int32)

order = np.random.permutation(len(labels))
split = len(labels) * 4 // 5
train_idx, test_idx = order[:split], order[split:]
print("train rows:", len(train_idx), "test rows:", len(test_idx))

train_set = ds.NumpySlicesDataset((features[train_idx], labels[train_idx]), column_names=["image", "label"]).batch(64)
test_set = ds.NumpySlicesDataset((features[test_idx], labels[test_idx]), column_names=["image", "label"], shuffle=False).batch(128)
steps_per_epoch = train_set.get_dataset_size()


def dense(n_in, n_out):
    """A Dense layer with He-normal weights drawn from NumPy's generator."""
    w = (np.random.randn(n_out, n_in) * np.sqrt(2.0 / n_in)).astype(np.float32)
    return nn.Dense(n_in, n_out, weight_init=Tensor(w), bias_init=Tensor(np.zeros(n_out, np.float32)))


def make_net():
    return nn.SequentialCell([dense(64, 32), nn.ReLU(), dense(32, 10)])


class EpochSummary(Callback):
    """Prints the mean training loss of each epoch; stops below a target."""

    def __init__(self, target):
        super().__init__()
        self.target = target
        self.total = 0.0
        self.steps = 0

    def on_train_epoch_begin(self, run_context):
        self.total = 0.0
        self.steps = 0

    def on_train_step_end(self, run_context):
        params = run_context.original_args()
        self.total += float(params.net_outputs.asnumpy())
        self.steps += 1

    def on_train_epoch_end(self, run_context):
        params = run_context.original_args()
        mean = self.total / self.steps
        print("epoch", params.cur_epoch_num, "mean loss:", round(mean, 6))
        if mean < self.target:
            print("target reached after epoch", params.cur_epoch_num)
            run_context.request_stop()


net = make_net()
loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
optimizer = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
model = Model(net, loss_fn, optimizer, metrics={"acc": nn.Accuracy()})

config = CheckpointConfig(save_checkpoint_steps=steps_per_epoch, keep_checkpoint_max=3)
saver = ModelCheckpoint(prefix="digits", directory="checkpoints", config=config)
model.train(20, train_set, callbacks=[EpochSummary(0.1), saver])
print("latest checkpoint:", saver.latest_ckpt_file_name)

restored = make_net()
missing = ms.load_param_into_net(restored, ms.load_checkpoint(saver.latest_ckpt_file_name))
print("parameters not loaded:", missing)
trained = model.eval(test_set)["acc"]
reloaded = Model(restored, loss_fn, metrics={"acc": nn.Accuracy(), "loss": nn.Loss()}).eval(test_set)
print("reloaded equals trained:", reloaded["acc"] == trained)
print("test accuracy:", reloaded["acc"])
print("test loss:", reloaded["loss"])
