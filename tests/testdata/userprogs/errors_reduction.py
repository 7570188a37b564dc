"""Bad reduction strings and bad loss arguments raise ValueError or TypeError."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor


def attempt(label, make):
    try:
        make()
        print(label, "no error")
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__)


attempt("L1Loss avg", lambda: nn.L1Loss(reduction='avg'))
attempt("MSELoss Mean", lambda: nn.MSELoss(reduction='Mean'))
attempt("SoftmaxCE bad", lambda: nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='average'))
attempt("BCELoss bad", lambda: nn.BCELoss(reduction='elementwise'))
attempt("L1Loss none", lambda: nn.L1Loss(reduction='none'))
attempt("SmoothL1 beta 0", lambda: nn.SmoothL1Loss(beta=0.0))
attempt("SmoothL1 beta int", lambda: nn.SmoothL1Loss(beta=1))
attempt("FocalLoss gamma int", lambda: nn.FocalLoss(gamma=2))
attempt("FocalLoss weight 2-D", lambda: nn.FocalLoss(weight=Tensor(np.ones((2, 2)), mindspore.float32)))
