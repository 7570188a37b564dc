# Runs every loss of the catalogue on fixed inputs and prints each
# loss's value and its gradient with respect to the first input.
import numpy as np
import mindspore as ms
import mindspore.nn as nn
from mindspore import Tensor

np.random.seed(7)


def f32(*shape):
    return Tensor(np.random.uniform(-2.0, 2.0, size=shape).astype(np.float32))


def prob(*shape):
    return Tensor(np.random.uniform(0.05, 0.95, size=shape).astype(np.float32))


def ints(high, *shape):
    return Tensor(np.random.randint(0, high, size=shape).astype(np.int32))


def report(name, loss, *inputs):
    value = loss(*inputs)
    grad = ms.grad(lambda *xs: loss(*xs), grad_position=0)(*inputs)
    print(name, value, grad)


x, y = f32(4, 3), f32(4, 3)
report("L1Loss", nn.L1Loss(), x, y)
report("L1Loss sum", nn.L1Loss(reduction="sum"), x, y)
report("MSELoss", nn.MSELoss(), x, y)
report("MAELoss", nn.MAELoss(), x, y)
report("RMSELoss", nn.RMSELoss(), x, y)
report("SmoothL1Loss", nn.SmoothL1Loss(beta=0.5), x, y)
report("HuberLoss", nn.HuberLoss(reduction="sum"), x, y)
report("SoftMarginLoss", nn.SoftMarginLoss(), x, Tensor(np.sign(y.asnumpy())))
report("BCELoss", nn.BCELoss(reduction="mean"), prob(4, 3), prob(4, 3))
report("BCEWithLogitsLoss", nn.BCEWithLogitsLoss(reduction="sum"), x, prob(4, 3))
report("SoftmaxCrossEntropyWithLogits", nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"), f32(5, 10), ints(10, 5))
report("CrossEntropyLoss", nn.CrossEntropyLoss(), f32(5, 6), ints(6, 5))
report("NLLLoss", nn.NLLLoss(), f32(5, 6), ints(6, 5))
report("FocalLoss", nn.FocalLoss(gamma=2.0), f32(3, 2), ints(2, 3, 1))
report("DiceLoss", nn.DiceLoss(), prob(3, 2), prob(3, 2))
report("MultiClassDiceLoss", nn.MultiClassDiceLoss(activation="softmax"), prob(3, 3), prob(3, 3))
report("MultiMarginLoss", nn.MultiMarginLoss(), f32(3, 3), Tensor(np.array([0, 2, 1]).astype(np.int64)))
report("MultiLabelSoftMarginLoss", nn.MultiLabelSoftMarginLoss(), x, prob(4, 3))
report("KLDivLoss", nn.KLDivLoss(reduction="sum"), f32(2, 2), prob(2, 2))
report("PoissonNLLLoss", nn.PoissonNLLLoss(), f32(2, 2), prob(2, 2))
report("GaussianNLLLoss", nn.GaussianNLLLoss(reduction="sum"), f32(4, 2), f32(4, 2), prob(4, 1))
report("MarginRankingLoss", nn.MarginRankingLoss(), f32(3), f32(3), Tensor(np.array([1, -1, 1]).astype(np.float32)))
report("HingeEmbeddingLoss", nn.HingeEmbeddingLoss(), f32(3, 3), Tensor(np.sign(f32(3, 3).asnumpy())))
report("MultilabelMarginLoss", nn.MultilabelMarginLoss(), f32(2, 4), Tensor(np.array([[3, 0, -1, 1], [1, 2, 3, -1]]).astype(np.int32)))
report("CosineEmbeddingLoss", nn.CosineEmbeddingLoss(reduction="sum"), f32(2, 2), f32(2, 2), Tensor(np.array([1, -1]).astype(np.int32)))
report("TripletMarginLoss", nn.TripletMarginLoss(), f32(2, 2), f32(2, 2), f32(2, 2))
