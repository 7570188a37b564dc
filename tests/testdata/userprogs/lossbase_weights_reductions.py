"""A LossBase subclass that weights the element losses in get_loss,
called with each reduction, a scalar and a broadcast weight, and an
int32 input whose reduced loss is cast back to int32."""
import numpy as np
import mindspore
import mindspore.ops as ops
from mindspore import Tensor
from mindspore.nn import LossBase


class WeightedL1Loss(LossBase):
    def __init__(self, weights, reduction="mean"):
        super(WeightedL1Loss, self).__init__(reduction)
        self.abs = ops.Abs()
        self.weights = weights

    def construct(self, base, target):
        x = self.abs(base - target)
        return self.get_loss(x, self.weights)


base = Tensor(np.array([[1, 2], [3, 4]]).astype(np.float32))
target = Tensor(np.array([[0, 2], [5, 1]]).astype(np.float32))
row_weights = Tensor(np.array([[1.0], [0.5]]).astype(np.float32))
for reduction in ["mean", "sum", "none"]:
    print(reduction, WeightedL1Loss(row_weights, reduction)(base, target))
print("scalar", WeightedL1Loss(2.0, "sum")(base, target))
loss = WeightedL1Loss(1.0)
print(loss.get_axis(base), loss.get_axis(Tensor(np.ones(3), mindspore.float32)))
ints = loss(Tensor(np.array([1, 2, 3]), mindspore.int32), Tensor(np.array([0, 0, 1]), mindspore.int32))
print(ints, ints.dtype)
halves = loss(Tensor(np.array([0.5, 1.5]), mindspore.float16), Tensor(np.array([0.0, 0.0]), mindspore.float16))
print(halves, halves.dtype)
try:
    WeightedL1Loss(1.0, "average")
except ValueError as e:
    print("reduction", type(e).__name__)
