"""ops.Print inside a Cell, the example of MindSpore r1.6's docstring."""
import numpy as np
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor


class PrintDemo(nn.Cell):
    def __init__(self):
        super(PrintDemo, self).__init__()
        self.print = ops.Print()

    def construct(self, x, y):
        self.print('Print Tensor x and Tensor y:', x, y)
        return x


x = Tensor(np.ones([2, 1]).astype(np.int32))
y = Tensor(np.ones([2, 2]).astype(np.int32))
net = PrintDemo()
result = net(x, y)
