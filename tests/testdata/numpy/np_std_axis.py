# std, var and float64 sums along an axis follow NumPy's order of
# additions.
import numpy as np
np.random.seed(0)
a = np.random.rand(200, 2)
print(repr(a.sum(axis=0)), a.sum(axis=0)[0].item())
np.random.seed(7)
X = (np.random.rand(50, 4) * 100).astype(np.float32)
print(X.std(axis=0), X.var(axis=0), X.mean(axis=0), X.std())
print(a.std(axis=0), a.var(axis=0), a.mean(axis=0))
