# Reference case dropout; written by gen_reference.py.
import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple
from mindspore.common.initializer import Normal, Uniform, TruncatedNormal, XavierUniform, XavierNormal, HeUniform, HeNormal, Zero, One, Constant

out = {}
x = Tensor(np.array([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]], np.float32))
d = nn.Dropout(keep_prob=0.8)
out["eval"] = d(x)
ms.set_seed(3)
d.set_train()
out["keep_prob"] = d(x)
ms.set_seed(4)
out["p"] = nn.Dropout(p=0.25).set_train()(x)
out["p_zero"] = nn.Dropout(p=0.0).set_train()(x)
net = nn.SequentialCell([nn.Dropout(0.5)])
net.set_train(True)
net.set_train(False)
out["eval_after_toggle"] = net(x)
