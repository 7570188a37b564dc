# Reference case maxpool2d; written by gen_reference.py.
import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple
from mindspore.common.initializer import Normal, Uniform, TruncatedNormal, XavierUniform, XavierNormal, HeUniform, HeNormal, Zero, One, Constant

out = {}
x = Tensor(np.array([[[[14.0, 30.0, 52.0, 29.0, 7.0, 15.0, 22.0], [51.0, 2.0, 36.0, 59.0, 56.0, 4.0, 47.0], [41.0, 34.0, 5.0, 21.0, 9.0, 54.0, 3.0], [8.0, 19.0, 69.0, 38.0, 45.0, 50.0, 13.0], [67.0, 26.0, 32.0, 0.0, 60.0, 48.0, 40.0]], [[63.0, 37.0, 12.0, 33.0, 57.0, 64.0, 27.0], [65.0, 1.0, 31.0, 39.0, 24.0, 61.0, 53.0], [35.0, 11.0, 44.0, 20.0, 55.0, 10.0, 49.0], [66.0, 43.0, 68.0, 17.0, 25.0, 62.0, 18.0], [6.0, 46.0, 42.0, 28.0, 58.0, 23.0, 16.0]]]], np.float32))
out["valid"] = nn.MaxPool2d(2, 2)(x)
out["same"] = nn.MaxPool2d(kernel_size=2, stride=2, pad_mode='same')(x)
out["same_k3"] = nn.MaxPool2d(3, (1, 2), pad_mode='SAME')(x)
out["pad"] = nn.MaxPool2d(3, 1, pad_mode='pad', padding=1)(x)
out["default"] = nn.MaxPool2d()(x)
pool = nn.MaxPool2d(2, 2, pad_mode='same')
g = ms.grad(lambda t: pool(t).sum())(x)
out["grad"] = g
