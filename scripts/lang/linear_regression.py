"""Fit y = 3x - 2 by gradient descent, in the style of MindSpore's
linear regression tutorial, with a NumPy model class."""
import math
import numpy as np

np.random.seed(0)


def get_data(num, w=3.0, b=-2.0):
    """Yield noisy samples of the line, one at a time."""
    for _ in range(num):
        x = np.random.uniform(-10.0, 10.0)
        noise = np.random.normal(0, 1)
        yield np.array([x], np.float32), np.array([w * x + b + noise], np.float32)


class LinearNet:
    """y = x @ w + b, with its parameters in a dict as a Cell keeps them."""

    def __init__(self):
        self.params = {"weight": np.array([[0.5]], np.float32), "bias": np.zeros(1, np.float32)}

    @property
    def weight(self):
        return float(self.params["weight"][0, 0])

    @property
    def bias(self):
        return float(self.params["bias"][0])

    def __call__(self, x):
        return x @ self.params["weight"] + self.params["bias"]

    def __repr__(self):
        return "LinearNet(weight=%.3f, bias=%.3f)" % (self.weight, self.bias)


def batches(samples, size):
    xs, ys = [], []
    for x, y in samples:
        xs.append(x)
        ys.append(y)
        if len(xs) == size:
            yield np.stack(xs), np.stack(ys)
            xs, ys = [], []


def train(net, data, lr=0.01, epochs=4):
    history = []
    for epoch in range(1, epochs + 1):
        total, steps = 0.0, 0
        for x, y in data:
            pred = net(x)
            diff = pred - y
            loss = float((diff ** 2).mean())
            if math.isnan(loss):
                raise FloatingPointError("loss became NaN at epoch %d" % epoch)
            grad_w = 2 * (x * diff).mean()
            grad_b = 2 * diff.mean()
            net.params["weight"] -= lr * grad_w
            net.params["bias"] -= lr * grad_b
            total += loss
            steps += 1
        history.append(total / steps)
        print(f"epoch {epoch}: loss {history[-1]:.4f}  {net!r}")
    return history


data = list(batches(get_data(160), 16))
print("batches:", len(data), "shapes:", data[0][0].shape, data[0][1].shape)
net = LinearNet()
try:
    history = train(net, data)
except FloatingPointError as e:
    print("stopped:", e)
else:
    improved = all(a > b for a, b in zip(history, history[1:]))
    print("loss decreased every epoch:", improved)
finally:
    print("final:", net)
w, b = net.weight, net.bias
print("close to the true line:", abs(w - 3.0) < 0.2 and abs(b + 2.0) < 1.0)
