# Reference case grad_apis; written by gen_reference.py.
import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple
from mindspore.common.initializer import Normal, Uniform, TruncatedNormal, XavierUniform, XavierNormal, HeUniform, HeNormal, Zero, One, Constant

out = {}
class Net(nn.Cell):
    def construct(self, x, y, z):
        return x * y * z

x = Tensor(np.array([1.0, 2.0], np.float32))
y = Tensor(np.array([-2.0, 3.0], np.float32))
z = Tensor(np.array([0.5, 3.0], np.float32))
sens = Tensor(np.array([2.0, -1.0], np.float32))
net = Net()
out["first"] = ops.GradOperation()(net)(x, y, z)
out["all"] = ops.GradOperation(get_all=True)(net)(x, y, z)
out["sens"] = ops.GradOperation(sens_param=True)(net)(x, y, z, sens)
out["all_sens"] = ops.GradOperation(get_all=True, sens_param=True)(net)(x, y, z, sens)

class Lin(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.array([3.0, -1.0], np.float32)), name="w")
        self.b = Parameter(Tensor(np.array([0.5, 0.5], np.float32)), name="b")
    def construct(self, x):
        return x * self.w + self.b * self.b

lin = Lin()
weights = ParameterTuple(lin.trainable_params())
out["by_list"] = ops.GradOperation(get_by_list=True)(lin, weights)(x)
both = ops.GradOperation(get_all=True, get_by_list=True)(lin, weights)(x)
out["both_inputs"] = both[0]
out["both_weights"] = both[1]
out["one_param"] = ops.GradOperation(get_by_list=True)(lin, lin.w)(x)

def pair(x, y):
    return x * y, x + y
out["tuple_output"] = ms.grad(pair)(x, y)
out["grad_default"] = ms.grad(net)(x, y, z)
out["grad_positions"] = ms.grad(net, (0, 2))(x, y, z)
out["grad_sens"] = ms.grad(net, 1, sens_param=True)(x, y, z, sens)
def with_aux(x, y):
    return (x * y).sum(), x - y
g, aux = ms.grad(with_aux, 0, has_aux=True)(x, y)
out["aux_grad"] = g
out["aux_len"] = len(aux)
out["aux"] = aux[0]
(value, aux2), g2 = ms.value_and_grad(with_aux, (0, 1), has_aux=True)(x, y)
out["vag_value"] = value
out["vag_aux"] = aux2
out["vag_grads"] = g2
v, (gi, gw) = ms.value_and_grad(lambda t: lin(t).sum(), 0, lin.trainable_params())(x)
out["vag_both_value"] = v
out["vag_both_inputs"] = gi
out["vag_both_weights"] = gw
ids = ms.grad(net, (0, 1), return_ids=True)(x, y, z)
out["ids"] = [ids[0][0], ids[1][0]]
out["ids_grads"] = [ids[0][1], ids[1][1]]
out["stop_gradient"] = ms.grad(lambda t: (t * t + ops.stop_gradient(t * t) * t).sum())(x)
