import numpy as np

loss = np.array(0.69314, np.float32)
print(f"{loss:>7f}", f"{np.float64(2.0):.3f}")
print(isinstance(np.zeros(2), np.ndarray), type(np.zeros(2)).__name__ in ("ndarray", "numpy.ndarray"))
total = np.array([1, 2, 3]).sum()
print(f"total: {total:5d}")
print("%.2f" % np.float64(3.14159))
