# NumPy scalars equal the Python numbers they hold inside lists and
# tuples: in, count, index and sequence equality.
import numpy as np
k = np.int32(5)
print(k == 5, k in [5, 6], [1, 2].count(np.int64(2)), (1, 2) == (np.int64(1), 2))
labels = np.array([3, 1, 3])
print([l for l in labels if l in [1, 2]])
print((1, 2, 2).count(np.int64(2)), (1, 2).index(np.int32(2)), [True, 1, 1.0].count(1), [np.float32(0.5)].count(0.5))
print([0.1].count(np.float32(0.1)), np.int64(3) in (1, 2, 3), [[1, 2]] == [[np.int64(1), 2]])
