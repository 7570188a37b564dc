"""Array primitives: the examples of MindSpore r1.6's docstrings."""
import numpy as np
import mindspore
import mindspore.ops as ops
from mindspore import Tensor

x = Tensor(np.array([[3, 4, 6, 10], [1, 6, 7, 9], [4, 3, 8, 7], [1, 3, 7, 9]]).astype(np.float32))
cumsum = ops.CumSum()
print(cumsum(x, 1))
print(ops.CumSum(exclusive=True, reverse=True)(x, 0))
print(ops.CumProd()(Tensor(np.array([1, 2, 3], np.float32)), 0))
print(ops.CumProd(exclusive=True)(Tensor(np.array([1, 2, 3], np.float32)), 0))

x = Tensor(np.array([[1, 2], [3, 4]]), mindspore.int32)
index = Tensor(np.array([[0, 0], [1, 0]]), mindspore.int32)
print(ops.GatherD()(x, 1, index))

x = Tensor(np.array([[-0.1, 0.3, 3.6], [0.4, 0.5, -3.2]]), mindspore.float32)
indices = Tensor(np.array([[0, 0], [1, 1]]), mindspore.int32)
print(ops.GatherNd()(x, indices))

indices = Tensor(np.array([[0, 1], [1, 1]]), mindspore.int32)
updates = Tensor(np.array([3.2, 1.1]), mindspore.float32)
print(ops.ScatterNd()(indices, updates, (3, 3)))

values, idx = ops.TopK(sorted=True)(Tensor([1, 2, 3, 4, 5], mindspore.float16), 3)
print(values, idx)

x = Tensor(np.array([[8, 2, 1], [5, 9, 3], [4, 6, 7]]), mindspore.float16)
values, indices = ops.Sort()(x)
print(values)
print(indices)

start = Tensor(1, mindspore.float32)
stop = Tensor(10, mindspore.float32)
print(ops.LinSpace()(start, stop, 5))

x = Tensor(np.arange(1 * 3 * 2).reshape((1, 3, 2)).astype(np.float32))
out = ops.Split(1, 3)(x)
print(len(out), out[0].shape)
for t in ops.Unstack(axis=0)(Tensor(np.array([[1, 1, 1, 1], [2, 2, 2, 2]]))):
    print(t, t.dtype)

x = Tensor([[[1, 1, 1], [2, 2, 2]], [[3, 3, 3], [4, 4, 4]], [[5, 5, 5], [6, 6, 6]]], mindspore.float32)
print(ops.StridedSlice()(x, (1, 0, 2), (3, 1, 3), (1, 1, 1)))
print(ops.Slice()(x, (1, 0, 0), (1, 1, 3)))

x = Tensor(np.array([[-0.1, 0.3, 3.6], [0.4, 0.5, -3.2]]), mindspore.float32)
print(ops.Pad(((1, 2), (2, 1)))(x))

print(ops.BroadcastTo((2, 3))(Tensor(np.array([1, 2, 3]).astype(np.float32))))
print(ops.BroadcastTo((-1, 2))(Tensor(np.array([[1], [2]]).astype(np.float32))))

x = Tensor(np.array([0.0, 0.4, 0.6, 0.7, 0.1]), mindspore.float32)
index, output = ops.ArgMinWithValue()(x)
print(index, output)
print(ops.Argmin()(Tensor(np.array([2.0, 3.1, 1.2]), mindspore.float32)))
