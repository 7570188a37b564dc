"""nn.Adam with parameter groups, one with weight_decay: one step. The
last digit of Adam's update depends on the order of float32 operations
in MindSpore's kernel, so this program has no golden output."""
import numpy as np
import mindspore as ms
from mindspore import nn, Tensor

x = Tensor(np.array([[1.0, 2.0]]), ms.float32)
y = Tensor(np.array([[1.0]]), ms.float32)

net = nn.Dense(2, 1, weight_init='ones', bias_init='zeros')
groups = [{'params': [net.weight], 'weight_decay': 0.01},
          {'params': [net.bias]},
          {'order_params': net.trainable_params()}]
opt = nn.Adam(groups, learning_rate=0.1)
step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
print(step(x, y))
print(net.weight.asnumpy(), net.bias.asnumpy())
