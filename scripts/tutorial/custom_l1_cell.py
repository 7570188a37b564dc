# An L1 loss written as a plain Cell from two primitives.
import numpy as np
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor


class MeanAbsoluteError(nn.Cell):
    """Mean of |prediction - target| over every element."""

    def __init__(self):
        super(MeanAbsoluteError, self).__init__()
        self.abs = ops.Abs()
        self.mean = ops.ReduceMean()

    def construct(self, prediction, target):
        return self.mean(self.abs(prediction - target))


mae = MeanAbsoluteError()
guess = Tensor(np.array([0.1, 0.2, 0.3]).astype(np.float32))
truth = Tensor(np.array([0.1, 0.2, 0.2]).astype(np.float32))
print(mae(guess, truth))
print([p.name for p in mae.trainable_params()])
