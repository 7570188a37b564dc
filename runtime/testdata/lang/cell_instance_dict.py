# golden: hand-checked (needs MindSpore)
# A Cell's __dict__ lists its attributes in assignment order, Parameters
# and child Cells included. MindSpore keeps those two in _params and
# _cells instead, so its __dict__ differs.
import numpy as np
import mindspore as ms
from mindspore import nn, Parameter, Tensor
class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.scale = 2.0
        self.w = Parameter(Tensor(np.ones(2, np.float32)), name="w")
        self.fc = nn.Dense(2, 1)
        self.tag = "net"
net = Net()
print(list(vars(net)))
print(net.__dict__["scale"], net.__dict__["tag"], type(net.__dict__["fc"]).__name__)
print([p.name for p in net.trainable_params()])
