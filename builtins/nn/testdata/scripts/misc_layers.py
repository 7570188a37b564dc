# Reference case misc_layers; written by gen_reference.py.
import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple
from mindspore.common.initializer import Normal, Uniform, TruncatedNormal, XavierUniform, XavierNormal, HeUniform, HeNormal, Zero, One, Constant

out = {}
x = Tensor(np.array([[[-0.29050317334863224, 0.11212804706227592, 1.250795122804082, -1.360889971122145], [0.0999328823085621, -0.047991103088729926, -0.3562296902537634, -1.0885590869817245], [-0.3510176985582936, 2.5883999536445135, -0.5056507911475129, -0.5843092080840852]], [[-1.2730993757740623, 0.74678303972771, -0.5583461171284797, -0.11080155927666722], [-1.1873366345657792, -1.00822591686796, -0.6898617316047075, -0.08564259099946683], [0.8227532523451342, 0.9160238046214266, 1.7168481119449408, 0.5192600915154597]]], np.float32))
out["flatten"] = nn.Flatten()(x)
out["flatten_shape"] = list(nn.Flatten()(x).shape) + list(nn.Flatten(0, 1)(x).shape) + list(nn.Flatten(start_dim=2)(x).shape)
out["softmax_axis0"] = nn.Softmax(axis=0)(x)
out["logsoftmax"] = nn.LogSoftmax()(x)
out["relu"] = nn.ReLU()(x)
out["sigmoid"] = nn.Sigmoid()(x)
out["tanh"] = nn.Tanh()(x)
