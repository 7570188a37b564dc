"""A TrainOneStepCell subclass that scales the gradients with sens and
orders the update with ops.depend. sens=2 with half the learning rate
gives the same steps as sens=1; every float32 step is exact."""
import numpy as np
import mindspore as ms
from mindspore import nn, ops, Tensor, context

context.set_context(mode=context.GRAPH_MODE, device_target="CPU")


class TrainOneStep(nn.TrainOneStepCell):
    def __init__(self, network, optimizer, sens=1.0):
        super(TrainOneStep, self).__init__(network, optimizer, sens)

    def construct(self, *inputs):
        loss = self.network(*inputs)
        sens = ops.Fill()(loss.dtype, loss.shape, self.sens)
        grads = self.grad(self.network, self.weights)(*inputs, sens)
        loss = ops.depend(loss, self.optimizer(grads))
        return loss


x = Tensor(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 0.0]]), ms.float32)
y = Tensor(np.array([[1.0], [2.0], [3.0], [2.0]]), ms.float32)

net = nn.Dense(2, 1, weight_init='zeros', bias_init='zeros')
loss_net = nn.WithLossCell(net, nn.MSELoss())
opt = nn.SGD(net.trainable_params(), learning_rate=0.0625)
train_net = TrainOneStep(loss_net, opt, sens=2.0)
train_net.set_train()
train_net.set_grad()
for step in range(3):
    loss = train_net(x, y)
    print("step", step, "loss", loss)
print(net.weight.asnumpy())
print(net.bias.asnumpy())
