"""Shape mistakes users make: mismatched broadcast, MatMul, Dense and
Reshape all raise ValueError."""
import numpy as np
import mindspore
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out.shape)
    except ValueError as e:
        print(label, "ValueError")
    except TypeError as e:
        print(label, "TypeError")


a = Tensor(np.ones((3,)), mindspore.float32)
b = Tensor(np.ones((4,)), mindspore.float32)
attempt("Add (3,) (4,)", lambda: ops.Add()(a, b))
attempt("Add (2, 1) (1, 3)", lambda: ops.Add()(Tensor(np.ones((2, 1)), mindspore.float32), Tensor(np.ones((1, 3)), mindspore.float32)))
attempt("MatMul (2, 3) (2, 3)", lambda: ops.MatMul()(Tensor(np.ones((2, 3)), mindspore.float32), Tensor(np.ones((2, 3)), mindspore.float32)))
attempt("MatMul (2, 3) (3, 2)", lambda: ops.MatMul()(Tensor(np.ones((2, 3)), mindspore.float32), Tensor(np.ones((3, 2)), mindspore.float32)))
dense = nn.Dense(3, 2)
attempt("Dense(3, 2) on (4, 5)", lambda: dense(Tensor(np.ones((4, 5)), mindspore.float32)))
attempt("Dense(3, 2) on (4, 3)", lambda: dense(Tensor(np.ones((4, 3)), mindspore.float32)))
attempt("Reshape 6 to (4, 4)", lambda: ops.Reshape()(Tensor(np.ones((2, 3)), mindspore.float32), (4, 4)))
attempt("Reshape 6 to (3, -1)", lambda: ops.Reshape()(Tensor(np.ones((2, 3)), mindspore.float32), (3, -1)))
attempt("MSELoss (2,) (3,)", lambda: nn.MSELoss()(Tensor(np.ones((2,)), mindspore.float32), Tensor(np.ones((3,)), mindspore.float32)))
attempt("Concat (2, 2) (2, 3)", lambda: ops.Concat()((Tensor(np.ones((2, 2)), mindspore.float32), Tensor(np.ones((2, 3)), mindspore.float32))))
