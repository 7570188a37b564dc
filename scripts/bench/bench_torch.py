# PyTorch side of the benchmark table. Run by scripts/bench/run.sh with
# Debian's /usr/bin/python3; each row prints one JSON line with the
# median time in milliseconds.
#
# usage: bench_torch.py ROW [REPEATS [THREADS]]
import json
import sys
import time

import torch
import torch.nn.functional as F

row = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 7
if len(sys.argv) > 3:
    torch.set_num_threads(int(sys.argv[3]))
torch.manual_seed(0)


WARMUP_S = 0.5


def median_ms(fn, warmup=2):
    # Warm up for at least WARMUP_S seconds and `warmup` calls: the first
    # calls after large allocations run slower while the process and the
    # kernel settle, for cellscript and PyTorch alike.
    start = time.perf_counter()
    done = 0
    while done < warmup or time.perf_counter() - start < WARMUP_S:
        fn()
        done += 1
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2] * 1000


def report(ms, **extra):
    line = {"row": row, "ms": ms}
    line.update(extra)
    print(json.dumps(line))


def sgemm(n):
    a = torch.randn(n, n)
    b = torch.randn(n, n)
    ms = median_ms(lambda: a @ b)
    report(ms, gflops=2 * n ** 3 / ms / 1e6)


def elementwise_loss(fn):
    n = 1 << 24
    x = torch.randn(n, requires_grad=True)
    y = torch.randn(n)

    def step():
        loss = fn(x, y)
        torch.autograd.grad(loss, x)

    report(median_ms(step))


def bce():
    p = torch.sigmoid(torch.randn(16384, 1000)).requires_grad_()
    y = (torch.rand(16384, 1000) > 0.5).float()

    def step():
        loss = F.binary_cross_entropy(p, y)
        torch.autograd.grad(loss, p)

    report(median_ms(step))


def softmax_ce():
    logits = torch.randn(16384, 1000, requires_grad=True)
    labels = torch.randint(0, 1000, (16384,))

    def step():
        loss = F.cross_entropy(logits, labels)
        torch.autograd.grad(loss, logits)

    report(median_ms(step))


def cosine_embedding():
    x1 = torch.randn(65536, 256, requires_grad=True)
    x2 = torch.randn(65536, 256, requires_grad=True)
    y = torch.randint(0, 2, (65536,)).float() * 2 - 1

    def step():
        loss = F.cosine_embedding_loss(x1, x2, y)
        torch.autograd.grad(loss, (x1, x2))

    report(median_ms(step))


def mlp(batch):
    net = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.randn(batch, 784)
    labels = torch.randint(0, 10, (batch,))

    def step():
        opt.zero_grad()
        loss = loss_fn(net(x), labels)
        loss.backward()
        opt.step()

    global repeats
    repeats *= 20
    report(median_ms(step, warmup=20))


def eager():
    a = torch.tensor([1.0, -2.0, 3.5], requires_grad=True)
    b = torch.tensor([0.5, 1.0, -1.0], requires_grad=True)
    inner = 1000

    def step():
        for _ in range(inner):
            loss = (a - b).abs().mean()
            torch.autograd.grad(loss, (a, b))

    # Three ops (sub, abs, mean) per iteration, forward and backward.
    report(median_ms(step) * 1000 / inner / 3, unit="us per op")


rows = {
    "sgemm1024": lambda: sgemm(1024),
    "sgemm2048": lambda: sgemm(2048),
    "l1": lambda: elementwise_loss(F.l1_loss),
    "mse": lambda: elementwise_loss(F.mse_loss),
    "smoothl1": lambda: elementwise_loss(F.smooth_l1_loss),
    "bce": bce,
    "softmaxce": softmax_ce,
    "cosine": cosine_embedding,
    "mlp128": lambda: mlp(128),
    "mlp1024": lambda: mlp(1024),
    "eager": eager,
}
rows[row]()
