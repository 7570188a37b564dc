"""Parameter(Tensor(...), name=...), set_data and requires_grad=False."""
import numpy as np
import mindspore as ms
from mindspore import nn, ops, Tensor, Parameter


class Scale(nn.Cell):
    def __init__(self):
        super(Scale, self).__init__()
        self.w = Parameter(Tensor(np.array([[1.0, 2.0], [3.0, 4.0]], np.float32)), name='w')
        self.b = Parameter(Tensor(np.zeros((2,), np.float32)), name='b', requires_grad=False)
        self.matmul = ops.MatMul()

    def construct(self, x):
        return self.matmul(x, self.w) + self.b


net = Scale()
x = Tensor(np.array([[1.0, 1.0]], np.float32))
print(net(x))
print(net.w.name, net.w.shape, net.w.dtype, net.w.requires_grad)
print(net.b.requires_grad)
print(len(net.trainable_params()))
net.w.set_data(Tensor(np.array([[0.5, 0.0], [0.0, 0.5]], np.float32)))
net.b.set_data(Tensor(np.array([1.0, -1.0], np.float32)))
print(net(x))
print(net.w.asnumpy())
net.b.requires_grad = True
print([p.name for p in net.trainable_params()])
