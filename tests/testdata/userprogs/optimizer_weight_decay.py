"""nn.SGD with weight_decay: one step, exact in float32."""
import numpy as np
import mindspore as ms
from mindspore import nn, Tensor

x = Tensor(np.array([[1.0, 2.0]]), ms.float32)
y = Tensor(np.array([[1.0]]), ms.float32)

net = nn.Dense(2, 1, weight_init='ones', bias_init='zeros')
opt = nn.SGD(net.trainable_params(), learning_rate=0.125, weight_decay=0.5)
step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
print(step(x, y))
print(net.weight.asnumpy(), net.bias.asnumpy())
