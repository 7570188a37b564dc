"""Golden metrics for the programs in scripts/, computed with NumPy.

Run from the repository root with Debian's /usr/bin/python3 (NumPy
1.24.2):
    /usr/bin/python3 tests/testdata/programs/gen_golden.py > tests/testdata/programs/golden.json

Each program is repeated here in plain NumPy float32. It uses the same
data split (NumPy's legacy generator with the program's seed) and the
same initial weights. Shuffled epochs follow the order cellscript
documents for a seeded shuffle: epoch k of a shuffled source of n rows
visits them in the order np.random.RandomState(seed + k).permutation(n).
Updates and metrics follow MindSpore's formulas. Only the data files
come from the repository.
"""
import gzip
import json
import sys

import numpy as np

f32 = np.float32
golden = {}


def load_iris():
    table = np.loadtxt("scripts/data/iris.csv", delimiter=",", skiprows=1)
    return table[:, :4], table[:, 4].astype(np.int32)


def standardize(x):
    centered = x - x.mean(axis=0)
    return (centered / np.sqrt((centered ** 2).mean(axis=0))).astype(f32)


def he_dense(n_in, n_out):
    w = (np.random.randn(n_out, n_in) * np.sqrt(2.0 / n_in)).astype(f32)
    return [w, np.zeros(n_out, f32)]


def mlp_forward(params, x):
    (w1, b1), (w2, b2) = params
    h = x @ w1.T + b1
    r = np.maximum(h, f32(0))
    return h, r, r @ w2.T + b2


def softmax_ce(logits, labels):
    """Mean sparse softmax cross-entropy and its gradient."""
    m = logits.max(axis=1, keepdims=True)
    e = np.exp(logits - m)
    s = e.sum(axis=1, keepdims=True)
    logp = logits - m - np.log(s)
    n = len(labels)
    loss = f32(-logp[np.arange(n), labels].mean())
    grad = e / s
    grad[np.arange(n), labels] -= f32(1)
    return loss, (grad / f32(n)).astype(f32)


def mlp_grads(params, x, labels):
    (w1, b1), (w2, b2) = params
    h, r, out = mlp_forward(params, x)
    loss, d_out = softmax_ce(out, labels)
    d_r = d_out @ w2
    d_h = d_r * (h > 0)
    return loss, [[d_h.T @ x, d_h.sum(axis=0)], [d_out.T @ r, d_out.sum(axis=0)]]


class Adam:
    """MindSpore's Adam kernel: m += (g - m)(1 - b1), v += (g*g - v)(1 - b2),
    w -= lr*sqrt(1 - b2^t)/(1 - b1^t) * m / (sqrt(v) + eps), with the beta
    powers kept as float32 products."""

    def __init__(self, lr, b1=0.9, b2=0.999, eps=1e-8):
        self.lr, self.b1, self.b2, self.eps = f32(lr), f32(b1), f32(b2), f32(eps)
        self.p1 = self.p2 = f32(1)
        self.m, self.v = {}, {}

    def step(self, params, grads):
        self.p1, self.p2 = f32(self.p1 * self.b1), f32(self.p2 * self.b2)
        lr_t = f32(f32(self.lr * np.sqrt(f32(1) - self.p2)) / (f32(1) - self.p1))
        for li, (layer, glayer) in enumerate(zip(params, grads)):
            for pi, g in enumerate(glayer):
                key = (li, pi)
                m = self.m.setdefault(key, np.zeros_like(g))
                v = self.v.setdefault(key, np.zeros_like(g))
                m += (g - m) * (f32(1) - self.b1)
                v += (g * g - v) * (f32(1) - self.b2)
                layer[pi] = (layer[pi] - (lr_t * m) / (np.sqrt(v) + self.eps)).astype(f32)


def eval_mlp(params, x, labels, batch):
    """Accuracy and Loss metrics over batches, as Model.eval reports them."""
    correct, losses = 0, []
    for i in range(0, len(labels), batch):
        xb, yb = x[i:i + batch], labels[i:i + batch]
        out = mlp_forward(params, xb)[2]
        losses.append(float(softmax_ce(out, yb)[0]))
        correct += int((out.argmax(axis=1) == yb).sum())
    return correct / len(labels), float(np.mean(losses))


def iris():
    np.random.seed(1)
    features, labels = load_iris()
    features = standardize(features)
    order = np.random.permutation(len(labels))
    tr, va = order[:120], order[120:]
    params = [he_dense(4, 16), he_dense(16, 3)]
    opt = Adam(0.01)
    xt, yt, xv, yv = features[tr], labels[tr], features[va], labels[va]
    best, wait, stopped, margins = np.inf, 0, 0, []
    for epoch in range(1, 101):
        perm = np.random.RandomState(1 + epoch - 1).permutation(120)
        for i in range(0, 120, 16):
            idx = perm[i:i + 16]
            _, grads = mlp_grads(params, xt[idx], yt[idx])
            opt.step(params, grads)
        _, eval_loss = eval_mlp(params, xv, yv, 10)
        wait += 1
        margins.append(abs(eval_loss - (best - 0.002)))
        if eval_loss < best - 0.002:
            best, wait = eval_loss, 0
        if wait >= 3:
            stopped = epoch
            break
    acc, loss = eval_mlp(params, xv, yv, 10)
    golden["iris_adam"] = {
        "stopped epoch": {"value": stopped, "tol": 0},
        "validation accuracy": {"value": acc, "tol": 0},
        "validation loss": {"value": loss, "tol": 1e-4},
        # The smallest distance of an eval loss from the stopping
        # threshold: float32 differences far below it cannot change
        # the stopping epoch.
        "min_margin": min(m for m in margins if np.isfinite(m)),
    }


class Momentum:
    """MindSpore's ApplyMomentum kernel: v = v*momentum + g; w -= lr*v."""

    def __init__(self, lr, momentum):
        self.lr, self.mom, self.v = f32(lr), f32(momentum), {}

    def step(self, params, grads):
        for li, (layer, glayer) in enumerate(zip(params, grads)):
            for pi, g in enumerate(glayer):
                v = self.v.setdefault((li, pi), np.zeros_like(g))
                v[...] = (v * self.mom + g).astype(f32)
                layer[pi] = (layer[pi] - self.lr * v).astype(f32)


def digits():
    np.random.seed(0)
    with gzip.open("scripts/data/digits.csv.gz", "rt") as f:
        table = np.loadtxt(f, delimiter=",")
    features = (table[:, :64] / 16.0).astype(f32)
    labels = table[:, 64].astype(np.int32)
    order = np.random.permutation(len(labels))
    split = len(labels) * 4 // 5
    tr, te = order[:split], order[split:]
    params = [he_dense(64, 32), he_dense(32, 10)]
    opt = Momentum(0.1, 0.9)
    xt, yt = features[tr], labels[tr]
    stopped, margins = 0, []
    for epoch in range(1, 21):
        perm = np.random.RandomState(2 + epoch - 1).permutation(len(tr))
        total, steps = 0.0, 0
        for i in range(0, len(tr), 64):
            idx = perm[i:i + 64]
            loss, grads = mlp_grads(params, xt[idx], yt[idx])
            opt.step(params, grads)
            total += float(loss)
            steps += 1
        mean = total / steps
        margins.append(abs(mean - 0.1))
        if mean < 0.1:
            stopped = epoch
            break
    acc, loss = eval_mlp(params, features[te], labels[te], 128)
    golden["digits_checkpoint"] = {
        "target reached after epoch": {"value": stopped, "tol": 0},
        "latest checkpoint": {"text": "checkpoints/digits-%d_%d.ckpt" % (stopped, (len(tr) + 63) // 64)},
        "parameters not loaded": {"text": "[]"},
        "reloaded equals trained": {"text": "True"},
        "test accuracy": {"value": acc, "tol": 0},
        "test loss": {"value": loss, "tol": 1e-4},
        "min_margin": min(margins),
    }


def diabetes():
    np.random.seed(3)
    with gzip.open("scripts/data/diabetes_data_raw.csv.gz", "rt") as f:
        raw = np.loadtxt(f)
    with gzip.open("scripts/data/diabetes_target.csv.gz", "rt") as f:
        target = np.loadtxt(f).reshape(-1, 1)

    def standardize2(x):
        centered = x - x.mean(axis=0)
        scale = np.sqrt((centered ** 2).mean(axis=0))
        return (centered / scale).astype(f32), scale

    features, _ = standardize2(raw)
    labels, scale = standardize2(target)
    order = np.random.permutation(len(labels))
    tr, te = order[:354], order[354:]
    steps, epochs = (354 + 31) // 32, 15
    # exponential_decay_lr with is_stair=True: 0.1 * 0.8 ** floor(i / steps).
    schedule = [0.1 * 0.8 ** (i // steps) for i in range(steps * epochs)]
    w = np.zeros((1, 10), f32)
    b = np.zeros(1, f32)
    xt, yt = features[tr], labels[tr]
    k = 0
    for epoch in range(epochs):
        perm = np.random.RandomState(3 + epoch).permutation(354)
        for i in range(0, 354, 32):
            idx = perm[i:i + 32]
            out = xt[idx] @ w.T + b
            d = (f32(2) / f32(out.size)) * (out - yt[idx])
            lr = f32(schedule[k])
            w = (w - lr * (d.T @ xt[idx])).astype(f32)
            b = (b - lr * d.sum(axis=0)).astype(f32)
            k += 1
    mae = mse = 0
    xe, ye = features[te], labels[te]
    for i in range(0, len(te), 32):
        out = xe[i:i + 32] @ w.T + b
        mae += np.abs(ye[i:i + 32] - out).sum()
        mse += np.power(ye[i:i + 32] - out, 2).sum()
    golden["diabetes_lr"] = {
        "test MAE": {"value": float(mae / len(te)), "tol": 1e-5},
        "test MSE": {"value": float(mse / len(te)), "tol": 1e-5},
        "test MAE in target units": {"value": float(mae / len(te) * scale[0]), "tol": 1e-3},
    }


def float16_regression():
    """scripts/float16_regression.py in float16: every op computes in
    float32 and rounds its result to float16, as cellscript and
    MindSpore's CPU kernels do. The fused MSELoss rounds only the mean
    and the gradient. The tolerances cover a different rounding order."""
    h = np.float16

    def r(v):
        return np.asarray(v, f32).astype(h).astype(f32)

    np.random.seed(7)
    x = np.random.uniform(-1, 1, (32, 2)).astype(h)
    y = (x.astype(f32) @ np.array([[2.0], [-3.0]], f32) + 0.5).astype(h)
    x, y = x.astype(f32), y.astype(f32)
    w, b = np.zeros((2, 1), f32), np.zeros(1, f32)
    n, lr = f32(y.size), f32(0.1)

    def loss_and_grad(w, b):
        pred = r(r(x @ w) + b)
        diff = pred - y
        loss = r((diff * diff).sum(dtype=np.float64).astype(f32) * (f32(1) / n))
        d = r(f32(2) * diff * r(f32(1) / n))
        return loss, d

    first, _ = loss_and_grad(w, b)
    for _ in range(40):
        loss, d = loss_and_grad(w, b)
        w = r(w - r(lr * r(x.T @ d)))
        b = r(b - r(lr * r(d.sum(axis=0))))
    golden["float16_regression"] = {
        "input dtype": {"text": "Float16"},
        "loss dtype": {"text": "Float16"},
        "checkpoint dtype": {"text": "Float16"},
        "reloaded equal": {"text": "True"},
        "loss before": {"value": float(first), "tol": 0.01},
        "loss after": {"value": float(loss), "tol": 0.002},
        "w0": {"value": float(w[0, 0]), "tol": 0.01},
        "w1": {"value": float(w[1, 0]), "tol": 0.01},
        "b": {"value": float(b[0]), "tol": 0.005},
    }


iris()
digits()
diabetes()
float16_regression()
json.dump(golden, sys.stdout, indent=1, sort_keys=True)
print()
