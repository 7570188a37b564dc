"""Dtype mistakes: MatMul of float32 and int32, sparse labels as floats,
Dense on an int32 batch, and argument types."""
import numpy as np
import mindspore
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__)


f32 = Tensor(np.ones((2, 2)), mindspore.float32)
i32 = Tensor(np.ones((2, 2)), mindspore.int32)
attempt("MatMul float32 int32", lambda: ops.MatMul()(f32, i32))
attempt("Dense on int32", lambda: nn.Dense(2, 2)(i32))
attempt("ReduceMean keep_dims str", lambda: ops.ReduceMean(keep_dims="yes"))
attempt("Dense in_channels float", lambda: nn.Dense(3.5, 2))
attempt("Momentum negative", lambda: nn.Momentum(nn.Dense(2, 2).trainable_params(), learning_rate=0.1, momentum=-0.1))
attempt("Cast to a string", lambda: ops.Cast()(f32, "float32"))
