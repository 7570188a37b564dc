"""Normalization, pooling and math Cells with values NumPy reproduces."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor

x = Tensor(np.array([[[[1.0, 3.0], [5.0, 7.0]], [[0.0, 0.0], [4.0, 4.0]]],
                     [[[3.0, 5.0], [7.0, 9.0]], [[2.0, 2.0], [6.0, 6.0]]]]), mindspore.float32)
bn = nn.BatchNorm2d(num_features=2, momentum=0.5)
bn.set_train()
out = bn(x)
print(out.shape, out.dtype)
print(np.round(out.asnumpy()[0], 4))
print(bn.moving_mean.asnumpy(), bn.moving_variance.asnumpy())
print([p.name for p in bn.get_parameters()])
bn.set_train(False)
print(np.round(bn(x).asnumpy()[1, 1], 4))

ln = nn.LayerNorm((2, 2), begin_norm_axis=1, begin_params_axis=1)
y = ln(Tensor(np.array([[[1.0, 3.0], [5.0, 7.0]], [[2.0, 2.0], [2.0, 6.0]]]), mindspore.float32))
print(np.round(y.asnumpy(), 4))
print([p.name for p in ln.trainable_params()])

print(nn.Norm(axis=1)(Tensor(np.array([[3.0, 4.0], [6.0, 8.0]]), mindspore.float32)))
print(nn.Norm(axis=0, keep_dims=True)(Tensor(np.array([[3.0, 4.0], [4.0, 3.0]]), mindspore.float32)))

onehot = nn.OneHot(depth=4)
print(onehot(Tensor(np.array([1, 0, 3]), mindspore.int32)))
print(nn.OneHot(axis=0, depth=3, on_value=5.0, off_value=-1.0)(Tensor(np.array([2, 0]), mindspore.int32)))

print(nn.Range(1, 8, 2)())
print(nn.Range(4)())
print(nn.Range(0.0, 1.0, 0.25)())

clip = nn.ClipByNorm()
print(clip(Tensor(np.array([[3.0, 4.0]]), mindspore.float32), Tensor(1.0, mindspore.float32)))
print(clip(Tensor(np.array([[0.5, 0.5]]), mindspore.float32), Tensor(2.0, mindspore.float32)))

pool = nn.AvgPool2d(kernel_size=2, stride=2)
print(pool(Tensor(np.arange(32).reshape(1, 2, 4, 4).astype(np.float32))))
print(nn.AvgPool1d(kernel_size=3, stride=1)(Tensor(np.arange(10).reshape(1, 2, 5).astype(np.float32))))
print(nn.MaxPool1d(kernel_size=2, stride=2)(Tensor(np.array([[[1.0, 5.0, 2.0, 3.0, 7.0]]]), mindspore.float32)))
print(nn.AvgPool2d(kernel_size=3, stride=1)(Tensor(np.ones([1, 1, 4, 5]), mindspore.float32)).shape)
