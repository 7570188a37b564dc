# An L1 loss that subclasses LossBase and reduces with get_loss.
import numpy as np
import mindspore.ops as ops
from mindspore import Tensor
from mindspore.nn import LossBase


class AbsoluteLoss(LossBase):
    def __init__(self, reduction="mean"):
        super().__init__(reduction)
        self.abs = ops.Abs()

    def construct(self, base, target):
        return self.get_loss(self.abs(base - target))


x = Tensor(np.array([[1, 2, 3], [2, 3, 4]]).astype(np.float32))
y = Tensor(np.array([[0, 2, 5], [3, 1, 1]]).astype(np.float32))
for reduction in ("mean", "sum", "none"):
    print(reduction, AbsoluteLoss(reduction)(x, y))
print(AbsoluteLoss().get_axis(x))
