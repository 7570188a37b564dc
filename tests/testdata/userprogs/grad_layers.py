"""Gradients through layer Cells and array primitives with GradOperation."""
import numpy as np
import mindspore as ms
from mindspore import nn, ops, Tensor, ParameterTuple, context

context.set_context(mode=context.PYNATIVE_MODE, device_target="CPU")


class Wrap(nn.Cell):
    def __init__(self, fn):
        super(Wrap, self).__init__()
        self.fn = fn

    def construct(self, x):
        return self.fn(x)


def grad(fn, x):
    return ops.GradOperation()(Wrap(fn))(x)


x = Tensor(np.array([-2.0, -0.5, 1.0, 7.0]), ms.float32)
print(grad(nn.LeakyReLU(), x))
print(grad(nn.ReLU6(), x))
print(grad(nn.HSigmoid(), x))
print(grad(lambda t: ops.CumSum()(t, 0), x))
print(grad(lambda t: ops.CumSum(exclusive=True)(t, 0), x))
print(grad(lambda t: ops.CumProd()(t, 0), Tensor(np.array([1.0, 2.0, 4.0]), ms.float32)))
print(grad(lambda t: ops.Sort(descending=True)(t)[0] * Tensor(np.array([1.0, 2.0, 3.0, 4.0]), ms.float32), x))
print(grad(lambda t: ops.TopK()(t, 2)[0], x))
print(grad(lambda t: ops.Round()(t) + ops.Ceil()(t), x))

m = Tensor(np.array([[1.0, 2.0], [3.0, 4.0]]), ms.float32)
print(grad(lambda t: ops.GatherNd()(t, Tensor(np.array([[0, 1], [0, 1], [1, 0]]), ms.int32)), m))
print(grad(lambda t: ops.Pad(((1, 0), (0, 1)))(t) * 2, m))
print(grad(lambda t: ops.StridedSlice()(t, (0, 1), (2, 2), (1, 1)), m))
print(grad(lambda t: ops.Split(1, 2)(t)[1] * 3, m))
print(grad(lambda t: ops.BroadcastTo((3, 2, 2))(t), m))
print(grad(nn.AvgPool2d(kernel_size=2), Tensor(np.ones([1, 1, 2, 4]), ms.float32)))


class PReLUNet(nn.Cell):
    def __init__(self):
        super(PReLUNet, self).__init__()
        self.prelu = nn.PReLU(channel=2, w=0.5)

    def construct(self, x):
        return self.prelu(x)


net = PReLUNet()
params = ParameterTuple(net.trainable_params())
g = ops.GradOperation(get_by_list=True)(net, params)(Tensor(np.array([[-2.0, 3.0], [-1.0, -4.0]]), ms.float32))
print(g[0])

ln = nn.LayerNorm((2,), begin_norm_axis=1, begin_params_axis=1)
params = ParameterTuple(ln.trainable_params())
g = ops.GradOperation(get_by_list=True)(ln, params)(Tensor(np.array([[1.0, 3.0], [2.0, 2.0]]), ms.float32))
print(g[1])
