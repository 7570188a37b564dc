"""Argument mistakes with r1.6's built-in losses and LossMonitor, each
caught and named by exception type."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor
from mindspore.train.callback import LossMonitor


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__)


a = Tensor(np.ones((2, 3)), mindspore.float32)
b = Tensor(np.ones((3, 2)), mindspore.float32)
attempt("SmoothL1Loss int beta", lambda: nn.SmoothL1Loss(beta=1))
attempt("SmoothL1Loss zero beta", lambda: nn.SmoothL1Loss(beta=0.0))
attempt("L1Loss reduction None", lambda: nn.L1Loss(reduction=None))
attempt("MSELoss reduction typo", lambda: nn.MSELoss(reduction='avg'))
attempt("SCE sparse int", lambda: nn.SoftmaxCrossEntropyWithLogits(sparse=1))
attempt("CosineEmbeddingLoss margin", lambda: nn.CosineEmbeddingLoss(margin=2.0))
attempt("MSELoss shapes", lambda: nn.MSELoss()(a, b))
attempt("BCELoss shapes", lambda: nn.BCELoss()(a, Tensor(np.ones((2, 1)), mindspore.float32)))
attempt("LossMonitor str", lambda: LossMonitor("2"))
attempt("L1Loss broadcast", lambda: nn.L1Loss()(a, Tensor(np.ones((1, 3)), mindspore.float32)))
