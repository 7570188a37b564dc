# Reference case schedules; written by gen_reference.py.
import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple
from mindspore.common.initializer import Normal, Uniform, TruncatedNormal, XavierUniform, XavierNormal, HeUniform, HeNormal, Zero, One, Constant

out = {}
s = nn.ExponentialDecayLR(0.1, 0.9, 4)
out["exp"] = [s(Tensor(i, ms.int32)) for i in range(9)]
s = nn.ExponentialDecayLR(0.1, 0.9, 4, True)
out["exp_stair"] = [s(Tensor(i, ms.int32)) for i in range(9)]
s = nn.NaturalExpDecayLR(0.1, 0.9, 4)
out["natural"] = [s(Tensor(i, ms.int32)) for i in range(9)]
s = nn.NaturalExpDecayLR(0.1, 0.9, 4, True)
out["natural_stair"] = [s(Tensor(i, ms.int32)) for i in range(9)]
s = nn.InverseDecayLR(0.1, 0.5, 2)
out["inverse"] = [s(Tensor(i, ms.int32)) for i in range(9)]
s = nn.InverseDecayLR(0.1, 0.5, 2, True)
out["inverse_stair"] = [s(Tensor(i, ms.int32)) for i in range(9)]
s = nn.CosineDecayLR(0.01, 0.1, 4)
out["cosine"] = [s(Tensor(i, ms.int32)) for i in range(9)]
s = nn.PolynomialDecayLR(0.1, 0.01, 4, 0.5)
out["poly"] = [s(Tensor(i, ms.int32)) for i in range(9)]
s = nn.PolynomialDecayLR(0.1, 0.01, 4, 0.5, True)
out["poly_update"] = [s(Tensor(i, ms.int32)) for i in range(9)]
s = nn.WarmUpLR(0.1, 3)
out["warmup"] = [s(Tensor(i, ms.int32)) for i in range(9)]
out["int_step"] = nn.WarmUpLR(0.1, 3)(2)
