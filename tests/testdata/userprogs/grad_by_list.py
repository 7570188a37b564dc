"""Gradients with respect to the weights: GradOperation(get_by_list=True)
with a ParameterTuple, in GRAPH_MODE on CPU."""
import numpy as np
import mindspore as ms
from mindspore import nn, ops, Tensor, ParameterTuple, context

context.set_context(mode=context.GRAPH_MODE, device_target="CPU")


class Net(nn.Cell):
    def __init__(self):
        super(Net, self).__init__()
        self.fc = nn.Dense(2, 1, weight_init='ones', bias_init='zeros')

    def construct(self, x):
        return self.fc(x)


class GradNet(nn.Cell):
    def __init__(self, net):
        super(GradNet, self).__init__()
        self.net = net
        self.params = ParameterTuple(net.trainable_params())
        self.grad_op = ops.GradOperation(get_by_list=True)

    def construct(self, x):
        gradient_function = self.grad_op(self.net, self.params)
        return gradient_function(x)


x = Tensor(np.array([[1.0, 2.0], [3.0, 4.0]]), ms.float32)
net = Net()
grads = GradNet(net)(x)
print(len(grads))
for p, g in zip(net.trainable_params(), grads):
    print(p.name, g.shape)
    print(g)
