"""Training steps the way MindSpore's quick start wires them: a Cell,
nn.WithLossCell, an optimizer and nn.TrainOneStepCell."""
import numpy as np
import mindspore as ms
from mindspore import nn, Tensor, Parameter


class TinyNet(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc = nn.Dense(2, 1, weight_init=Tensor(np.array([[0.5, -0.5]], np.float32)), bias_init="zeros")

    def construct(self, x):
        return self.fc(x)


x = Tensor(np.array([[1.0, 2.0], [3.0, 1.0], [0.0, 1.0], [2.0, 2.0]]), ms.float32)
y = Tensor(np.array([[1.0], [4.0], [0.5], [3.0]]), ms.float32)

net = TinyNet()
print([p.name for p in net.trainable_params()])
loss_net = nn.WithLossCell(net, nn.MSELoss())
optimizer = nn.SGD(net.trainable_params(), learning_rate=0.1)
train_step = nn.TrainOneStepCell(loss_net, optimizer)
train_step.set_train()

history = []
for step in range(1, 4):
    loss = train_step(x, y)
    history.append(float(loss))
    print("step %d loss %.6f" % (step, history[-1]))
w = net.fc.weight.asnumpy()
b = net.fc.bias.asnumpy()
print("weight", np.round(w, 5), "bias", np.round(b, 5))
print("loss went down:", history[0] > history[-1], "pred", np.round(net(x).asnumpy().reshape(-1), 4))
