"""A hand-written PYNATIVE_MODE loop: gradients of the loss network with
GradOperation(get_by_list=True), then the optimizer called on them.
Every float32 step is exact, as in train_one_step_loop."""
import numpy as np
import mindspore as ms
from mindspore import nn, ops, Tensor, ParameterTuple, context

context.set_context(mode=context.PYNATIVE_MODE, device_target="CPU")

x = Tensor(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 0.0]]), ms.float32)
y = Tensor(np.array([[1.0], [2.0], [3.0], [2.0]]), ms.float32)

net = nn.Dense(2, 1, weight_init='zeros', bias_init='zeros')
loss_net = nn.WithLossCell(net, nn.MSELoss())
params = ParameterTuple(net.trainable_params())
opt = nn.SGD(params, learning_rate=0.125)
grad_fn = ops.GradOperation(get_by_list=True)(loss_net, params)
net.set_train()
for step in range(3):
    loss = loss_net(x, y)
    grads = grad_fn(x, y)
    opt(grads)
    print("step", step, "loss", loss, "grads", [g.asnumpy().tolist() for g in grads])
print(net.weight.asnumpy(), net.bias.asnumpy())
