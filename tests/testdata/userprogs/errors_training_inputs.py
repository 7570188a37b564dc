"""Mistakes in the tutorial's training setup: a dataset with three
columns for a WithLossCell that takes two, sparse labels given as
float32, logits of rank 1 for SoftmaxCrossEntropyWithLogits and
Model.train given a list instead of a dataset."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Model, Tensor, context
import mindspore.dataset as ds

context.set_context(mode=context.PYNATIVE_MODE)


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__)


x = np.array([[1.0], [2.0]], np.float32)
three = ds.NumpySlicesDataset((x, x, x), column_names=["data", "label1", "label2"], shuffle=False).batch(2)
net = nn.Dense(1, 1, weight_init='ones', bias_init='zeros')
model = Model(net, nn.L1Loss(), nn.SGD(net.trainable_params(), learning_rate=0.5))
attempt("three columns", lambda: model.train(1, three, dataset_sink_mode=False))

sparse = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')
logits = Tensor(np.zeros((2, 3)), mindspore.float32)
attempt("float32 sparse labels", lambda: sparse(logits, Tensor(np.array([0.0, 2.0]), mindspore.float32)))
attempt("int32 sparse labels", lambda: sparse(logits, Tensor(np.array([0, 2]), mindspore.int32)))
attempt("rank 1 logits", lambda: nn.SoftmaxCrossEntropyWithLogits()(Tensor(np.zeros(3), mindspore.float32),
                                                                     Tensor(np.zeros(3), mindspore.float32)))
attempt("rank 3 logits", lambda: sparse(Tensor(np.zeros((2, 3, 1)), mindspore.float32),
                                        Tensor(np.array([0, 1]), mindspore.int32)))
try:
    model.train(1, [(x, x)], dataset_sink_mode=False)
    print("list ok")
except Exception:
    print("list rejected")
print(net.weight.asnumpy())
