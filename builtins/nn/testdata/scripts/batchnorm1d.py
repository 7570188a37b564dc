# Reference case batchnorm1d; written by gen_reference.py.
import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple
from mindspore.common.initializer import Normal, Uniform, TruncatedNormal, XavierUniform, XavierNormal, HeUniform, HeNormal, Zero, One, Constant

out = {}
x1 = Tensor(np.array([[1.7494547413051793, -0.28607299681629417, -0.4845651322211443], [-2.653318559261479, -0.00828462937293584, -0.31963136376429824], [-0.53662936223473, 0.3154026684256969, 0.42105071625547846], [-1.0656029804488336, -0.886239669955473, -0.4757334926833952]], np.float32))
x2 = Tensor(np.array([[2.3793646204028427, 2.122384352066562, -1.6110970195611611], [-1.2389505231992377, 2.4736747824590415, 4.149268146208567], [0.9378498230642799, -0.36689325493047487, 3.19125939703889], [0.38084672555867605, 2.4515044495980463, 4.098143266743573]], np.float32))
x3 = Tensor(np.array([[[-0.20437531566217204, -0.4864951001088207, -0.18577532395900828, -0.38053641675867705], [0.0889776353222905, 0.06367166142477786, 0.29634710809428044, 1.4027711194838541], [-1.5468625676023853, 1.2956185848026505, -0.2372504457468327, -1.2323462066022715]], [[-0.1724197671774095, 0.09183837492938327, 1.0675584570477854, -1.0616344482718332], [0.21734820797221702, 0.11781950435342614, -1.68411089296333, -1.1857552653505647], [0.6001020056275471, 0.6955672553748646, 1.0877108600968604, 0.5338217156453108]]], np.float32))
dy = Tensor(np.array([[0.3952120129351584, 0.12286752936260395, 1.2091016420933416], [-0.8430661010803197, -0.14189358101621208, 0.3853541380984869], [-1.5774943085916198, 1.3109436402150754, -0.7928650077765562], [-0.07174941217099023, 2.156674425806779, -0.8294372522768853]], np.float32))
bn = nn.BatchNorm1d(3, momentum=0.9, gamma_init=Tensor(np.array([0.6300798224934151, 0.07349323700188944, 0.7322713538852552], np.float32)), beta_init=Tensor(np.array([-0.6425753924333545, -0.17809317531243007, -0.5739545594102069], np.float32)))
bn.set_train()
out["train1"] = bn(x1)
out["train2"] = bn(x2)
out["moving_mean"] = bn.moving_mean.asnumpy().copy()
out["moving_var"] = bn.moving_variance.asnumpy().copy()
bn.set_train(False)
out["eval"] = bn(x1)
bn.set_train()
def loss(x):
    return (bn(x) * dy).sum()
grads = ms.grad(loss, grad_position=0, weights=[bn.gamma, bn.beta])(x1)
out["dx"] = grads[0]
out["dgamma"] = grads[1][0]
out["dbeta"] = grads[1][1]
out["names"] = [len(p.name) for p in bn.get_parameters()]
out["trainable"] = len(bn.trainable_params())
bn3 = nn.BatchNorm1d(3, momentum=0.5)
bn3.set_train()
out["rank3"] = bn3(x3)
out["rank3_mean"] = bn3.moving_mean.asnumpy().copy()
