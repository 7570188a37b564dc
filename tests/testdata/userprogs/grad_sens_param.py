"""GradOperation with get_all and sens_param in PYNATIVE_MODE."""
import numpy as np
import mindspore as ms
from mindspore import nn, ops, Tensor, context

context.set_context(mode=context.PYNATIVE_MODE, device_target="CPU")


class Net(nn.Cell):
    def __init__(self):
        super(Net, self).__init__()
        self.matmul = ops.MatMul()

    def construct(self, x, y):
        return self.matmul(x, y)


class GradNetWrtX(nn.Cell):
    def __init__(self, net):
        super(GradNetWrtX, self).__init__()
        self.net = net
        self.grad_op = ops.GradOperation(get_all=True, sens_param=True)

    def construct(self, x, y, sens):
        return self.grad_op(self.net)(x, y, sens)


x = Tensor([[0.5, 0.5, 1.0], [2.0, 1.0, 0.0]], dtype=ms.float32)
y = Tensor([[0.01, 0.3, 1.1], [0.1, 0.2, 1.3], [2.1, 1.2, 3.3]], dtype=ms.float32)
sens = Tensor(np.array([[1.0, 0.0, 0.0], [0.0, 2.0, 0.0]]), ms.float32)
dx, dy = GradNetWrtX(Net())(x, y, sens)
print(dx)
print(dy)
