"""Softmax regression on three Gaussian blobs with NumPy, showing the
tensor subscripts, operators and masks that model code relies on."""
import math
import numpy as np

np.random.seed(42)
centers = np.array([[0.0, 2.0], [2.0, -1.0], [-2.0, -1.0]])
x = np.concatenate([c + 0.6 * np.random.randn(20, 2) for c in centers])
y = np.array([i // 20 for i in range(60)])
order = np.random.permutation(60)
x, y = x[order], y[order]
print("x", x.shape, "y", y.shape, "first labels", y[:8])
print("column means", np.round(x.mean(axis=0), 4), "x[:, 0] > 1:", int((x[:, 0] > 1).sum()))


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def one_hot(labels, n):
    return (labels[:, None] == np.arange(n)).astype(np.float64)


w = np.zeros((2, 3))
b = np.zeros(3)
lr, epochs = 0.5, 30
targets = one_hot(y, 3)
for epoch in range(epochs):
    probs = softmax(x @ w + b)
    loss = -(targets * np.log(probs + 1e-12)).sum() / len(y)
    grad = (probs - targets) / len(y)
    w -= lr * x.T @ grad
    b -= lr * grad.sum(axis=0)
    if epoch % 10 == 0 or epoch == epochs - 1:
        acc = (probs.argmax(axis=1) == y).mean()
        print(f"epoch {epoch:2d} loss {loss:.4f} acc {acc:.3f}")

pred = softmax(x @ w + b).argmax(axis=1)
wrong = pred != y
print("misclassified:", int(wrong.sum()), "of", len(wrong))
print("weights:\n", np.round(w, 3))
print("last row", x[-1], "second feature of rows 2..4", x[2:5, 1], "every 20th label", y[::20])
top = x[y == 0]
print("class 0 rows:", len(top), "mean", np.round(top.mean(axis=0), 3))
print("chained:", 0 <= float(loss) < math.log(3), "2**-2 =", 2 ** -2, "7 // 2 % 3 =", 7 // 2 % 3)
