"""Exception types MindSpore r1.6 raises for bad Conv2d and Dense
arguments, wrong input dtypes and shapes."""
import numpy as np
import mindspore as ms
from mindspore import nn, ops, Tensor


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except ValueError:
        print(label, "ValueError")
    except TypeError:
        print(label, "TypeError")
    except KeyError:
        print(label, "KeyError")
    except RuntimeError:
        print(label, "RuntimeError")


attempt("Conv2d kernel_size=0", lambda: nn.Conv2d(1, 2, 0))
attempt("Conv2d pad_mode='full'", lambda: nn.Conv2d(1, 2, 3, pad_mode='full'))
attempt("Conv2d in_channels=1.5", lambda: nn.Conv2d(1.5, 2, 3))
attempt("Conv2d padding with valid", lambda: nn.Conv2d(1, 2, 3, pad_mode='valid', padding=1))
attempt("Conv2d stride=-1", lambda: nn.Conv2d(1, 2, 3, stride=-1))
attempt("Dense in_channels=0", lambda: nn.Dense(0, 2))
attempt("Dense activation='nope'", lambda: nn.Dense(2, 2, activation='nope'))
conv = nn.Conv2d(3, 2, 3)
attempt("Conv2d(3, ...) on 1 channel", lambda: conv(Tensor(np.ones([1, 1, 8, 8]), ms.float32)))
attempt("Conv2d on 3-d input", lambda: conv(Tensor(np.ones([3, 8, 8]), ms.float32)))
dense = nn.Dense(3, 2)
attempt("Dense on (2, 4)", lambda: dense(Tensor(np.ones([2, 4]), ms.float32)))
attempt("MatMul (2, 3) (4, 2)", lambda: ops.MatMul()(Tensor(np.ones([2, 3]), ms.float32), Tensor(np.ones([4, 2]), ms.float32)))
attempt("MatMul float32 int32", lambda: ops.MatMul()(Tensor(np.ones([2, 2]), ms.float32), Tensor(np.ones([2, 2]), ms.int32)))
attempt("Softmax of int32", lambda: ops.Softmax()(Tensor(np.array([1, 2]), ms.int32)))
attempt("Concat float32 int32", lambda: ops.Concat()((Tensor(np.ones([2]), ms.float32), Tensor(np.ones([2]), ms.int32))))
attempt("Reshape to (4,)", lambda: ops.Reshape()(Tensor(np.ones([2, 3]), ms.float32), (4,)))
attempt("OneHot depth=-1", lambda: ops.OneHot()(Tensor(np.array([0]), ms.int32), -1, Tensor(1.0, ms.float32), Tensor(0.0, ms.float32)))
