"""The tutorial's direct loss calls: nn.L1Loss with each reduction, the
custom L1Loss Cell built from Abs and ReduceMean, and the same loss as a
LossBase subclass, on the tutorial's inputs and on integer inputs."""
import numpy as np
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor
from mindspore.nn import LossBase


class L1LossCell(nn.Cell):
    def __init__(self):
        super(L1LossCell, self).__init__()
        self.abs = ops.Abs()
        self.reduce_mean = ops.ReduceMean()

    def construct(self, base, target):
        x = self.abs(base - target)
        return self.reduce_mean(x)


class L1Loss(LossBase):
    def __init__(self, reduction="mean"):
        super(L1Loss, self).__init__(reduction)
        self.abs = ops.Abs()

    def construct(self, base, target):
        x = self.abs(base - target)
        return self.get_loss(x)


input_data = Tensor(np.array([[1, 2, 3], [2, 3, 4]]).astype(np.float32))
target_data = Tensor(np.array([[0, 2, 5], [3, 1, 1]]).astype(np.float32))
for reduction in ['mean', 'sum', 'none']:
    print(nn.L1Loss(reduction=reduction)(input_data, target_data))
    print(L1Loss(reduction)(input_data, target_data))
print(nn.MSELoss()(input_data, target_data), nn.MSELoss(reduction='sum')(input_data, target_data))
print(nn.SmoothL1Loss()(input_data, target_data))
print(nn.SmoothL1Loss(beta=2.0)(input_data, target_data))
small_input = Tensor(np.array([0.1, 0.2, 0.3]).astype(np.float32))
small_target = Tensor(np.array([0.1, 0.2, 0.2]).astype(np.float32))
print(L1LossCell()(small_input, small_target))
print(L1Loss()(small_input, small_target))
print(nn.L1Loss()(small_input, small_target).shape)
