"""Walking a Cell: parameters_and_names, cells_and_names,
trainable_params, get_parameters, print(net), insert_child_to_cell."""
import numpy as np
import mindspore as ms
from mindspore import nn, Tensor, Parameter


class Net(nn.Cell):
    def __init__(self):
        super(Net, self).__init__()
        self.fc1 = nn.Dense(3, 2, weight_init='ones')
        self.relu = nn.ReLU()
        self.fc2 = nn.Dense(2, 1, weight_init='ones', has_bias=False)
        self.scale = Parameter(Tensor(np.array([2.0], np.float32)), name='scale', requires_grad=False)

    def construct(self, x):
        return self.fc2(self.relu(self.fc1(x))) * self.scale


net = Net()
for name, param in net.parameters_and_names():
    print(name, param.name, param.shape, param.requires_grad)
print([p.name for p in net.trainable_params()])
print(len(list(net.get_parameters())))
print([name for name, _ in net.cells_and_names()])
print(net)
print(net.scale)
net.insert_child_to_cell('extra', nn.Dense(1, 1, weight_init='ones'))
print([name for name, _ in net.cells_and_names()])
print([name for name, _ in net.parameters_and_names()])
x = Tensor(np.array([[1.0, 2.0, 3.0]]), ms.float32)
print(net(x))
