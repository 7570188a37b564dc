# Reference case cell_api; written by gen_reference.py.
import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple
from mindspore.common.initializer import Normal, Uniform, TruncatedNormal, XavierUniform, XavierNormal, HeUniform, HeNormal, Zero, One, Constant

out = {}
class Block(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc = nn.Dense(2, 2)
        self.frozen = Parameter(Tensor(np.array([1.0, 2.0], np.float32)), name="frozen", requires_grad=False)
        self.bn = nn.BatchNorm1d(2)

class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.block = Block()
        self.layers = nn.CellList([nn.Dense(2, 3), nn.Dense(3, 1)])
        self.seq = nn.SequentialCell(nn.ReLU(), nn.Dense(1, 1, has_bias=False))

net = Net()
# A cell's own parameters come before its sub-cells', as in MindSpore.
expected_names = ["block.frozen", "block.fc.weight", "block.fc.bias", "block.bn.moving_mean", "block.bn.moving_variance",
                  "block.bn.gamma", "block.bn.beta", "layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias", "seq.1.weight"]
out["names"] = [p.name for p in net.get_parameters()] == expected_names
out["dict_keys"] = list(net.parameters_dict().keys()) == expected_names
out["paths"] = [n for n, p in net.parameters_and_names()] == expected_names
out["trainable"] = len(net.trainable_params())
out["untrainable"] = len(net.untrainable_params())
out["own_params"] = len(net.block.get_parameters(expand=False))
out["training_default"] = [net.training, net.block.bn.training]
net.set_train()
out["training_on"] = [net.training, net.block.bn.training, net.seq[0].training]
out["set_grad"] = [net.set_grad() == net, net.requires_grad]
p = net.block.frozen
p.set_data(Tensor(np.array([5.0, 6.0], np.float32)))
out["set_data"] = net.block.frozen
p.requires_grad = True
out["trainable_after"] = len(net.trainable_params())
out["cells"] = [len(net.cells()), len(net.layers), len(net.seq)]
