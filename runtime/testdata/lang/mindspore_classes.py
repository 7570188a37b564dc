# golden: hand-checked (needs MindSpore)
# Script classes extend native ones: super() into nn.Cell, nn.LossBase, nn.L1Loss.
import numpy as np
import mindspore as ms
from mindspore import nn, ops, Tensor
class Scale(nn.Cell):
    def __init__(self, factor):
        super().__init__()
        self.factor = factor
    def construct(self, x):
        return x * self.factor
class ScaleTwice(Scale):
    def __init__(self):
        super(ScaleTwice, self).__init__(2.0)
    def construct(self, x):
        return super().construct(super().construct(x))
x = Tensor(np.array([1.0, -2.0]), ms.float32)
net = ScaleTwice()
print(net(x), isinstance(net, nn.Cell), issubclass(ScaleTwice, Scale), type(net).__name__)
class MAE(nn.LossBase):
    def __init__(self, reduction="mean"):
        super().__init__(reduction)
        self.abs = ops.Abs()
    def construct(self, logits, labels):
        return self.get_loss(self.abs(logits - labels))
class DoubleL1(nn.L1Loss):
    def construct(self, logits, labels):
        return super().construct(logits, labels) * 2
y = Tensor(np.array([0.0, 0.0]), ms.float32)
print(MAE()(x, y), MAE("sum")(x, y), DoubleL1()(x, y))
print(isinstance(x, Tensor), isinstance(net, Tensor), isinstance(MAE(), nn.LossBase))
---
# golden: hand-checked
# A callback subclass runs its overrides and the base class's through super().
import numpy as np
from mindspore.train.callback import Callback
class Recorder(Callback):
    def __init__(self):
        super().__init__()
        self.events = []
    def on_train_epoch_end(self, run_context):
        self.events.append("epoch end")
        super().on_train_epoch_end(run_context)
r = Recorder()
r.on_train_epoch_end(None)
print(r.events, isinstance(r, Callback))
---
# golden: hand-checked
# A script class with __getitem__ and __len__ feeds GeneratorDataset.
import numpy as np
import mindspore.dataset as ds
class Pairs:
    def __init__(self, n):
        self.x = np.arange(n, dtype=np.float32)
    def __getitem__(self, i):
        return self.x[i], self.x[i] * 2
    def __len__(self):
        return len(self.x)
data = ds.GeneratorDataset(Pairs(4), column_names=["x", "y"], shuffle=False)
for row in data.create_tuple_iterator():
    print(row[0], row[1])
---
# golden: hand-checked
# A generator and an infinite generator cut short feed GeneratorDataset.
import numpy as np
import mindspore.dataset as ds
def rows():
    for i in range(3):
        yield np.array([i], np.float32), np.array([i * i], np.float32)
data = ds.GeneratorDataset(rows, column_names=["a", "b"], shuffle=False).batch(2)
for a, b in data.create_tuple_iterator():
    print(a.shape, b)
def forever():
    i = 0
    while True:
        yield (np.array(i, np.int32),)
        i += 1
for k, (v,) in enumerate(ds.GeneratorDataset(forever, ["v"], shuffle=False).create_tuple_iterator()):
    if k == 2:
        break
    print("value", v)
