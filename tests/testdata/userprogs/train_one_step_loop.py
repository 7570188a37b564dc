"""A hand-written loop: WithLossCell, TrainOneStepCell and SGD.

Inputs, weights and the learning rate are chosen so that each float32
step is exact."""
import numpy as np
import mindspore as ms
from mindspore import nn, Tensor

x = Tensor(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 0.0]]), ms.float32)
y = Tensor(np.array([[1.0], [2.0], [3.0], [2.0]]), ms.float32)

net = nn.Dense(2, 1, weight_init='zeros', bias_init='zeros')
loss_net = nn.WithLossCell(net, nn.MSELoss())
opt = nn.SGD(net.trainable_params(), learning_rate=0.125)
train_net = nn.TrainOneStepCell(loss_net, opt)
train_net.set_train()
for step in range(3):
    loss = train_net(x, y)
    print("step", step, "loss", loss)
print(net.weight.asnumpy())
print(net.bias.asnumpy())
print(loss_net(x, y))
