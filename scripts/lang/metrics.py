"""Classification metrics over NumPy batches, like mindspore.train's
Accuracy, Precision and ConfusionMatrix: clear, update, eval."""
import numpy as np


class Metric:
    def __init__(self):
        self.clear()

    def clear(self):
        raise NotImplementedError("subclasses define clear()")

    def update(self, logits, labels):
        raise NotImplementedError

    def __call__(self, logits, labels):
        self.update(logits, labels)
        return self.eval()

    def __repr__(self):
        return f"{type(self).__name__}({self.eval():.4f})"


class Accuracy(Metric):
    def clear(self):
        self.correct = 0
        self.total = 0

    def update(self, logits, labels):
        pred = logits.argmax(axis=1)
        self.correct += int((pred == labels).sum())
        self.total += len(labels)

    def eval(self):
        if self.total == 0:
            raise RuntimeError("Accuracy can not be calculated, because the number of samples is 0.")
        return self.correct / self.total

    def __add__(self, other):
        merged = Accuracy()
        merged.correct = self.correct + other.correct
        merged.total = self.total + other.total
        return merged


class ConfusionMatrix(Metric):
    def __init__(self, num_classes):
        self.num_classes = num_classes
        super().__init__()

    def clear(self):
        self.matrix = np.zeros((self.num_classes, self.num_classes), np.int64)

    def update(self, logits, labels):
        pred = logits.argmax(axis=1)
        for t, p in zip(labels.tolist(), pred.tolist()):
            self.matrix[t, p] += 1

    def eval(self):
        return self.matrix

    def precision(self):
        col = self.matrix.sum(axis=0)
        diag = np.array([self.matrix[i, i] for i in range(self.num_classes)])
        return np.where(col > 0, diag / np.maximum(col, 1), 0.0)


batches = [
    (np.array([[2.0, 0.1, 0.3], [0.2, 1.5, 0.1], [0.1, 0.2, 3.0], [1.0, 1.2, 0.9]]), np.array([0, 1, 2, 0])),
    (np.array([[0.5, 0.4, 0.1], [0.1, 0.1, 0.9], [0.3, 2.2, 0.1]]), np.array([0, 1, 1])),
]
acc, cm = Accuracy(), ConfusionMatrix(3)
per_batch = []
for i, (logits, labels) in enumerate(batches):
    a = Accuracy()
    per_batch.append(a(logits, labels))
    acc.update(logits, labels)
    cm.update(logits, labels)
    print(f"batch {i}: acc={per_batch[-1]:.4f} seen={acc.total}")
print(acc, "sum of parts:", (Accuracy() + acc).eval() == acc.eval())
print(cm.eval())
print("precision:", np.round(cm.precision(), 3))
scores = np.concatenate([b[0] for b in batches])
confident = scores.max(axis=1) > 1.0
print("confident rows:", confident, scores[confident][:, 0], scores[:, -1] >= 0.9)
try:
    Accuracy().eval()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    Metric()
except NotImplementedError as e:
    print("NotImplementedError:", e)
