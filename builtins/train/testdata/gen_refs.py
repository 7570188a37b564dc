"""Reference values for the train tests, computed with NumPy.

Run with Debian's /usr/bin/python3 (NumPy 1.24.2):
    /usr/bin/python3 gen_refs.py > refs.json

Metric values follow the formulas of MindSpore's metric sources
(accuracy.py, error.py, loss.py, precision.py, recall.py, fbeta.py,
topk.py), written out here in NumPy. The training reference repeats
Model.train with nn.Dense, nn.MSELoss and nn.SGD in float32.
"""
import json
import sys
import numpy as np

refs = {}
rs = np.random.RandomState(42)

# Classification metrics over two updates.
p1 = rs.rand(12, 4).astype(np.float32)
y1 = rs.randint(0, 4, 12)
p2 = rs.rand(8, 4).astype(np.float32)
y2 = rs.randint(0, 4, 8)
refs["cls_inputs"] = {"p1": p1.tolist(), "y1": y1.tolist(), "p2": p2.tolist(), "y2": y2.tolist()}
pred = np.concatenate([p1, p2])
lab = np.concatenate([y1, y2])
idx = pred.argmax(1)
eye = np.eye(4)
P, Y = eye[idx], eye[lab]
eps = sys.float_info.min
tp = (P * Y).sum(0)
prec = tp / (P.sum(0) + eps)
rec = tp / (Y.sum(0) + eps)
f1 = 2 * tp / (Y.sum(0) + P.sum(0) + eps)
refs["accuracy"] = repr(float((idx == lab).mean()))
refs["precision"] = str(prec)
refs["precision_avg"] = repr(float(prec.mean()))
refs["recall"] = str(rec)
refs["f1"] = str(f1)
refs["f1_avg"] = repr(float(f1.mean()))
order = np.argsort(-pred, axis=1, kind="stable")
refs["top2"] = repr(float(np.mean([lab[i] in order[i, :2] for i in range(len(lab))])))

# MAE and MSE: each update sums in float32, the sums add up in float64.
a1 = rs.randn(6, 2).astype(np.float32)
b1 = rs.randn(6, 2).astype(np.float32)
a2 = rs.randn(3, 2).astype(np.float32)
b2 = rs.randn(3, 2).astype(np.float32)
refs["err_inputs"] = {"a1": a1.tolist(), "b1": b1.tolist(), "a2": a2.tolist(), "b2": b2.tolist()}
mae = 0
mse = 0
for a, b in [(a1, b1), (a2, b2)]:
    mae += np.abs(b.reshape(a.shape) - a).sum()
    mse += np.power(b.reshape(a.shape) - a, 2).sum()
refs["mae"] = repr(float(mae / 9))
refs["mse"] = repr(float(mse / 9))

# Training: y = x @ [1, -2, 0.5] + 0.3, Dense(3, 1) from fixed weights,
# MSELoss, SGD(lr=0.05), batch 4, no shuffle, 3 epochs.
x = np.random.RandomState(0).randn(16, 3).astype(np.float32)
y = (x @ np.array([[1.0], [-2.0], [0.5]], dtype=np.float32) + np.float32(0.3)).astype(np.float32)
w = np.array([[0.1, 0.2, -0.1]], dtype=np.float32)
b = np.array([0.0], dtype=np.float32)
refs["train_data"] = {"x": x.tolist(), "y": y.tolist()}
losses = []
lr = np.float32(0.05)
for epoch in range(3):
    for i in range(0, 16, 4):
        xb, yb = x[i:i + 4], y[i:i + 4]
        out = xb @ w.T + b
        diff = out - yb
        losses.append(float(np.mean(diff * diff)))
        g = (np.float32(2) / np.float32(diff.size)) * diff
        gw = g.T @ xb
        gb = g.sum(0)
        w = (w - lr * gw).astype(np.float32)
        b = (b - lr * gb).astype(np.float32)
refs["train_losses"] = losses
out = x @ w.T + b
refs["train_final_mae"] = float(np.abs(y - out).sum() / 16)
refs["train_final_w"] = w.ravel().tolist() + b.tolist()

print(json.dumps(refs, indent=1, sort_keys=True))
