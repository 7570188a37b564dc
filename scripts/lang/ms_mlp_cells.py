"""A multi-layer network built from nested Cells, SequentialCell and
CellList, with a script context manager that switches training mode."""
import numpy as np
import mindspore as ms
from mindspore import nn, ops, Tensor


def fixed(shape, start):
    """Deterministic weights: start, start+0.1, ... reshaped."""
    n = 1
    for d in shape:
        n *= d
    return Tensor((np.arange(n, dtype=np.float32) * 0.1 + start).reshape(shape))


class Block(nn.Cell):
    def __init__(self, n_in, n_out, start, activation=True):
        super().__init__()
        self.dense = nn.Dense(n_in, n_out, weight_init=fixed((n_out, n_in), start), bias_init="zeros")
        self.act = nn.ReLU() if activation else None

    def construct(self, x):
        x = self.dense(x)
        return self.act(x) if self.act is not None else x


class MLP(nn.Cell):
    def __init__(self, sizes):
        super(MLP, self).__init__()
        pairs = list(zip(sizes, sizes[1:]))
        *hidden, last = pairs
        self.body = nn.SequentialCell([Block(a, b, -0.2 + 0.1 * i) for i, (a, b) in enumerate(hidden)])
        self.heads = nn.CellList([Block(*last, 0.05, activation=False), Block(*last, -0.05, activation=False)])

    def construct(self, x, head=0):
        return self.heads[head](self.body(x))


class training:
    """with training(net): sets train mode inside the block only."""

    def __init__(self, net):
        self.net = net

    def __enter__(self):
        self.net.set_train(True)
        return self.net

    def __exit__(self, *exc_info):
        self.net.set_train(False)


net = MLP([3, 4, 2])
print([p.name for p in net.trainable_params()])
x = Tensor(np.array([[1.0, 0.5, -1.0], [0.0, 2.0, 1.0]]), ms.float32)
out0, out1 = net(x), net(x, head=1)
print(np.round(out0.asnumpy(), 4))
print(np.round(out1.asnumpy(), 4))
print("softmax rows sum to 1:", np.allclose(ops.softmax(out0).asnumpy().sum(axis=1), 1.0))
with training(net) as n:
    print("inside:", n.training, isinstance(n, nn.Cell))
print("after:", net.training, "argmax:", out0.argmax(axis=1), "shape:", out0.shape)
