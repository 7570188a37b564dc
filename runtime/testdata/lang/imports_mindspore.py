# golden: hand-checked (needs MindSpore)
# Every import form reaches the same MindSpore objects.
import mindspore as ms
import mindspore
import mindspore.nn as nn
import mindspore.ops
from mindspore import nn as nn2, ops, Tensor
from mindspore import Model, Parameter, context
from mindspore.nn import Dense, Cell
from mindspore.train.callback import Callback, LossMonitor
from mindspore.nn.loss import MSELoss, L1Loss
from mindspore.train import Model as TrainModel
import mindspore.dataset as ds
from mindspore.dataset import GeneratorDataset, NumpySlicesDataset
print(ms.nn.Dense is nn.Dense, nn.Dense is Dense, nn2.Cell is Cell, mindspore.ops.abs is ops.abs)
print(ms.Tensor is Tensor, TrainModel is Model, ds.GeneratorDataset is GeneratorDataset)
print(ms.ops.abs(Tensor([-1.5, 2.0], ms.float32)), type(ms.float32).__name__ != "", ms.__name__)
print(callable(MSELoss), callable(L1Loss), callable(LossMonitor), callable(NumpySlicesDataset), callable(context.set_context))
---
# golden: hand-checked
import mindspore.not_a_module ### ModuleNotFoundError: No module named 'mindspore.not_a_module'
---
# golden: hand-checked
from mindspore import NotAName ### ImportError: cannot import name 'NotAName' from 'mindspore'
