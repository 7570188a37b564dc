# cellscript side of the benchmark table, written as MindSpore code. Run
# by scripts/bench/run.sh with `cellrepl run`; each row prints one JSON
# line with the median time in milliseconds.
#
# usage: cellrepl run bench_cellscript.py ROW [REPEATS]
import sys
import time

import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor

row = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 7
np.random.seed(0)


WARMUP_S = 0.5


def median_ms(fn, warmup=2, count=None):
    # Warm up for at least WARMUP_S seconds and `warmup` calls: the first
    # calls after large allocations run slower while the process and the
    # kernel settle, for cellscript and PyTorch alike.
    start = time.perf_counter()
    done = 0
    while done < warmup or time.perf_counter() - start < WARMUP_S:
        fn()
        done += 1
    times = []
    for _ in range(count or repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times = sorted(times)
    return times[len(times) // 2] * 1000


def report(ms, unit="ms", gflops=None):
    extra = ""
    if gflops != None:
        extra = ', "gflops": %s' % gflops
    print('{"row": "%s", "ms": %s, "unit": "%s"%s}' % (row, ms, unit, extra))


def randn(*shape):
    return Tensor(np.random.randn(*shape).astype(np.float32))


def sgemm(n):
    a, b = randn(n, n), randn(n, n)
    matmul = ops.MatMul()
    ms_ = median_ms(lambda: matmul(a, b))
    report(ms_, gflops=2 * n * n * n / ms_ / 1e6)


def elementwise_loss(loss):
    n = 1 << 24
    x, y = randn(n), randn(n)
    grad_fn = ms.value_and_grad(lambda a, b: loss(a, b), grad_position=0)
    report(median_ms(lambda: grad_fn(x, y)))


def bce():
    p = ops.sigmoid(randn(16384, 1000))
    y = Tensor((np.random.rand(16384, 1000) > 0.5).astype(np.float32))
    loss = nn.BCELoss(reduction="mean")
    grad_fn = ms.value_and_grad(lambda a, b: loss(a, b), grad_position=0)
    report(median_ms(lambda: grad_fn(p, y)))


def softmax_ce():
    logits = randn(16384, 1000)
    labels = Tensor(np.random.randint(0, 1000, (16384,)).astype(np.int32))
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    grad_fn = ms.value_and_grad(lambda a, b: loss(a, b), grad_position=0)
    report(median_ms(lambda: grad_fn(logits, labels)))


def cosine_embedding():
    x1, x2 = randn(65536, 256), randn(65536, 256)
    y = Tensor((np.random.randint(0, 2, (65536,)) * 2 - 1).astype(np.int32))
    loss = nn.CosineEmbeddingLoss(reduction="mean")
    grad_fn = ms.value_and_grad(lambda a, b, t: loss(a, b, t), grad_position=(0, 1))
    report(median_ms(lambda: grad_fn(x1, x2, y)))


def mlp(batch):
    net = nn.SequentialCell([nn.Dense(784, 256), nn.ReLU(), nn.Dense(256, 10)])
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.01, momentum=0.9)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss), opt)
    x = randn(batch, 784)
    labels = Tensor(np.random.randint(0, 10, (batch,)).astype(np.int32))
    report(median_ms(lambda: step(x, labels), warmup=20, count=repeats * 20))


def eager():
    a = Tensor(np.array([1.0, -2.0, 3.5]).astype(np.float32))
    b = Tensor(np.array([0.5, 1.0, -1.0]).astype(np.float32))
    grad_fn = ms.value_and_grad(lambda x, y: (x - y).abs().mean(), grad_position=(0, 1))
    inner = 1000

    def loop():
        for _ in range(inner):
            grad_fn(a, b)

    # Three ops (sub, abs, mean) per iteration, forward and backward.
    report(median_ms(loop) * 1000 / inner / 3, unit="us per op")


rows = {
    "sgemm1024": lambda: sgemm(1024),
    "sgemm2048": lambda: sgemm(2048),
    "l1": lambda: elementwise_loss(nn.L1Loss()),
    "mse": lambda: elementwise_loss(nn.MSELoss()),
    "smoothl1": lambda: elementwise_loss(nn.SmoothL1Loss(reduction="mean")),
    "bce": bce,
    "softmaxce": softmax_ce,
    "cosine": cosine_embedding,
    "mlp128": lambda: mlp(128),
    "mlp1024": lambda: mlp(1024),
    "eager": eager,
}
rows[row]()
