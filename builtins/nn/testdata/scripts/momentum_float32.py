# Reference case momentum_float32; written by gen_reference.py.
import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple
from mindspore.common.initializer import Normal, Uniform, TruncatedNormal, XavierUniform, XavierNormal, HeUniform, HeNormal, Zero, One, Constant

out = {}
DT = np.float32
w = Parameter(Tensor(np.array([[0.5, -0.3, 0.8], [0.1, 0.7, -0.6]], DT)), name="fc.weight")
b = Parameter(Tensor(np.array([0.2, -0.1], DT)), name="fc.bias")
gamma = Parameter(Tensor(np.array([1.0, 0.9, 1.1], DT)), name="bn.gamma")
params = [w, b, gamma]
G = {"fc.weight": [[[0.47143516373249306, -1.1909756947064645, 1.4327069684260973], [-0.3126518960917129, -0.7205887333650116, 0.8871629403077386]], [[0.8595884137174165, -0.6365235044173491, 0.015696372114428918], [-2.2426849541854055, 1.150035724719818, 0.9919460223426778]], [[0.9533241281124304, -2.0212548201949705, -0.334077365808097], [0.002118364683486495, 0.405453411570191, 0.2890919409800353]], [[1.3211581921293856, -1.5469055532292402, -0.2026463246291819], [-0.6559693441389339, 0.19342137647035826, 0.5534389109567419]]], "fc.bias": [[1.3181515541801367, -0.4693052847058996], [0.6755540851223808, -1.8170272265901968], [-0.1831085401789987, 1.0589691875711504], [-0.3978402281999914, 0.3374376536139724]], "bn.gamma": [[1.0475785728927218, 1.0459382556276653, 0.8637172916848387], [-0.12209157484767426, 0.12471295376821585, -0.32279480560829565], [0.8416747129961416, 2.390960515463033, 0.07619958783723642], [-0.5664459304649568, 0.036141936684072715, -2.0749776006900293]]}
NAMES_INDEX = {"fc.weight": 0, "fc.bias": 1, "bn.gamma": 2}

opt = nn.Momentum(params, 0.1, 0.9)
for step in range(4):
    grads = tuple([Tensor(np.array(G[p.name][step], DT)) for p in opt.parameters])
    out[f"lr{step}"] = opt.get_lr()
    opt(grads)
    out[f"w{step}"] = w.asnumpy().copy()
    out[f"b{step}"] = b.asnumpy().copy()
    out[f"gamma{step}"] = gamma.asnumpy().copy()
out["order"] = [NAMES_INDEX[p.name] for p in opt.parameters]
