# Built-in L1Loss with each reduction: mean, sum and none.
import numpy as np
from mindspore import Tensor
import mindspore.nn as nn

predictions = Tensor(np.array([[1, 2, 3], [2, 3, 4]]).astype(np.float32))
targets = Tensor(np.array([[0, 2, 5], [3, 1, 1]]).astype(np.float32))

for reduction in ['mean', 'sum', 'none']:
    loss_fn = nn.L1Loss(reduction=reduction)
    print(reduction, loss_fn(predictions, targets).shape)
    print(loss_fn(predictions, targets))
