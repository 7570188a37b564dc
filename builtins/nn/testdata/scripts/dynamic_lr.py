# Reference case dynamic_lr; written by gen_reference.py.
import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple
from mindspore.common.initializer import Normal, Uniform, TruncatedNormal, XavierUniform, XavierNormal, HeUniform, HeNormal, Zero, One, Constant

out = {}
out["piecewise"] = nn.piecewise_constant_lr([2, 5, 10], [0.1, 0.05, 0.01])
out["exponential"] = nn.exponential_decay_lr(0.1, 0.9, 6, 2, 1)
out["exponential_stair"] = nn.exponential_decay_lr(0.1, 0.9, 10, 2, 2, True)
out["natural_exp"] = nn.natural_exp_decay_lr(0.1, 0.9, 6, 2, 2, True)
out["natural_exp_smooth"] = nn.natural_exp_decay_lr(0.1, 0.9, 6, 2, 2)
out["inverse"] = nn.inverse_decay_lr(0.1, 0.5, 6, 1, 1, True)
out["inverse_smooth"] = nn.inverse_decay_lr(0.1, 0.5, 6, 1, 2)
out["cosine"] = nn.cosine_decay_lr(0.01, 0.1, 6, 2, 2)
out["polynomial"] = nn.polynomial_decay_lr(0.1, 0.01, 6, 2, 2, 0.5)
out["polynomial_update"] = nn.polynomial_decay_lr(0.1, 0.01, 8, 1, 2, 2.0, True)
out["warmup"] = nn.warmup_lr(0.1, 6, 2, 2)
out["lengths"] = [len(out[k]) for k in ['piecewise', 'exponential', 'exponential_stair', 'natural_exp', 'natural_exp_smooth', 'inverse', 'inverse_smooth', 'cosine', 'polynomial', 'polynomial_update', 'warmup']]
