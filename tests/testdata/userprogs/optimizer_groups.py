"""Parameter groups with their own weight_decay and learning rate, and
order_params, stepped with Momentum. Every float32 value is exact."""
import numpy as np
import mindspore as ms
from mindspore import nn, Tensor


class Net(nn.Cell):
    def __init__(self):
        super(Net, self).__init__()
        self.fc1 = nn.Dense(2, 2, weight_init='ones', bias_init='zeros')
        self.fc2 = nn.Dense(2, 1, weight_init='ones', bias_init='zeros')

    def construct(self, x):
        return self.fc2(self.fc1(x))


net = Net()
fc1_params = list(filter(lambda p: 'fc1' in p.name, net.trainable_params()))
other_params = list(filter(lambda p: 'fc1' not in p.name, net.trainable_params()))
group_params = [{'params': fc1_params, 'weight_decay': 0.5},
                {'params': other_params, 'lr': 0.25},
                {'order_params': net.trainable_params()}]
opt = nn.Momentum(group_params, learning_rate=0.125, momentum=0.0)
print(opt.is_group, opt.is_group_lr)
print([p.name for p in opt.parameters])

x = Tensor(np.array([[1.0, 0.0]]), ms.float32)
y = Tensor(np.array([[1.0]]), ms.float32)
train_net = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
print(train_net(x, y))
for p in net.trainable_params():
    print(p.name, p.asnumpy())
