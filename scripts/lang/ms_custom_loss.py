"""Custom losses in the three ways MindSpore's loss tutorial shows:
subclassing LossBase, extending a built-in loss with super(), and a
plain function over ops."""
import numpy as np
import mindspore as ms
from mindspore import nn, ops, Tensor


class MAELoss(nn.LossBase):
    """Mean absolute error through LossBase.get_loss."""

    def __init__(self, reduction="mean"):
        super(MAELoss, self).__init__(reduction)
        self.abs = ops.Abs()

    def construct(self, logits, labels):
        return self.get_loss(self.abs(logits - labels))


class WeightedL1(nn.L1Loss):
    """L1Loss scaled by a fixed weight, delegating to the parent."""

    def __init__(self, weight, **kwargs):
        super().__init__(**kwargs)
        self.weight = weight

    def construct(self, logits, labels):
        return super().construct(logits, labels) * self.weight


def huber(logits, labels, delta=1.0):
    diff = ops.abs(logits - labels)
    small = ops.minimum(diff, delta)
    return ops.mean(0.5 * small ** 2 + delta * (diff - small))


logits = Tensor(np.array([[0.5, 2.0], [-1.0, 3.5]]), ms.float32)
labels = Tensor(np.array([[1.0, 0.0], [-1.0, 1.0]]), ms.float32)
losses = {
    "mae": MAELoss(),
    "mae_sum": MAELoss("sum"),
    "mae_none": MAELoss("none"),
    "weighted_l1": WeightedL1(0.5),
}
for name, fn in losses.items():
    value = fn(logits, labels)
    print(f"{name:>12}: {value}")
print(f"{'huber':>12}: {huber(logits, labels)}")
print("is LossBase:", [isinstance(fn, nn.LossBase) for fn in losses.values()])
print("is Cell:", isinstance(losses["mae"], nn.Cell), "type:", type(losses["weighted_l1"]).__name__)
try:
    MAELoss("average")
except ValueError as e:
    print("ValueError raised for reduction 'average'")
