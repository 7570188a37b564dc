"""WithLossCell variants built the tutorial's way: auto_prefix=False
keeps the backbone's parameter names, auto_prefix=True prefixes them
with the attribute name, and the built-in nn.WithLossCell keeps them."""
import numpy as np
import mindspore.nn as nn
from mindspore import Tensor


class LinearNet(nn.Cell):
    def __init__(self):
        super(LinearNet, self).__init__()
        self.fc = nn.Dense(2, 1, weight_init='ones', bias_init='zeros')

    def construct(self, x):
        return self.fc(x)


class PlainWithLossCell(nn.Cell):
    def __init__(self, backbone, loss_fn):
        super(PlainWithLossCell, self).__init__(auto_prefix=False)
        self._backbone = backbone
        self._loss_fn = loss_fn

    def construct(self, data, label):
        return self._loss_fn(self._backbone(data), label)


class PrefixedWithLossCell(nn.Cell):
    def __init__(self, backbone, loss_fn):
        super(PrefixedWithLossCell, self).__init__()
        self.backbone = backbone
        self.loss_fn = loss_fn

    def construct(self, data, label):
        return self.loss_fn(self.backbone(data), label)


data = Tensor(np.array([[1, 2], [3, 4]], np.float32))
label = Tensor(np.array([[2], [8]], np.float32))
plain = PlainWithLossCell(LinearNet(), nn.MSELoss())
print([p.name for p in plain.trainable_params()], plain(data, label))
prefixed = PrefixedWithLossCell(LinearNet(), nn.L1Loss())
print([p.name for p in prefixed.trainable_params()], prefixed(data, label))
builtin = nn.WithLossCell(LinearNet(), nn.L1Loss(reduction='sum'))
print([p.name for p in builtin.trainable_params()], builtin(data, label))
print(type(builtin.backbone_network).__name__)
