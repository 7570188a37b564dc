"""Fit y = 2*x0 - 3*x1 + 0.5 in float16 with MSELoss and SGD, then save
the float16 weights to a checkpoint and load them back."""
import numpy as np
import mindspore as ms
from mindspore import Tensor, Parameter, nn, ops
import mindspore.common.dtype as mstype

np.random.seed(7)
x = np.random.uniform(-1, 1, (32, 2)).astype(np.float16)
y = (x.astype(np.float32) @ np.array([[2.0], [-3.0]], np.float32) + 0.5).astype(np.float16)


class Linear(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.zeros((2, 1)), mstype.float16), name="w")
        self.b = Parameter(Tensor(np.zeros(1), mstype.float16), name="b")
        self.matmul = ops.MatMul()

    def construct(self, x):
        return self.matmul(x, self.w) + self.b


net = Linear()
loss_fn = nn.MSELoss()
step = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), nn.SGD(net.trainable_params(), learning_rate=0.1))
xs, ys = Tensor(x), Tensor(y)
print("input dtype:", xs.dtype)
first = loss_fn(net(xs), ys)
print("loss dtype:", first.dtype)
print("loss before:", first)
for i in range(40):
    loss = step(xs, ys)
print("loss after:", loss)
print("w0:", net.w.asnumpy()[0, 0])
print("w1:", net.w.asnumpy()[1, 0])
print("b:", net.b.asnumpy()[0])

ms.save_checkpoint(net, "float16_regression.ckpt")
params = ms.load_checkpoint("float16_regression.ckpt")
print("checkpoint dtype:", params["w"].dtype)
print("reloaded equal:", bool((params["w"].asnumpy() == net.w.asnumpy()).all()))
