import numpy as np
a = np.array([True, False, True, False])
b = np.array([True, True, False, False])
print(np.logical_and(a, b), np.logical_or(a, b), np.logical_xor(a, b), np.logical_not(a))
x = np.array([[0, 1, 2], [3, 0, 0]])
print(np.logical_and(x, 1), np.logical_or(x, np.array([0.0, 0.0, 1.5])), np.logical_not(x).dtype)
print(np.logical_and(True, False), type(np.logical_and(True, False)), np.logical_xor(np.array([1, 0]), np.array([[1], [0]])))
print(np.count_nonzero(x), type(np.count_nonzero(x)), np.count_nonzero(x, axis=0), np.count_nonzero(x, axis=1), np.count_nonzero(x, axis=-1))
print(np.count_nonzero(np.array([0.0, np.nan, -0.0])), np.count_nonzero(x, axis=0).dtype, np.count_nonzero(x, axis=(0, 1)))
print(np.isin(np.array([1, 2, 3, 4]), [2, 4]), np.isin(x, np.array([0, 3])), np.isin(np.array([1.0, 2.5]), [1]), np.isin([1, 5], [5], invert=True))
print(np.digitize(np.array([0.2, 6.4, 3.0, 1.6]), np.array([0.0, 1.0, 2.5, 4.0, 10.0])))
print(np.digitize(np.array([1.0, 2.5, 4.0]), np.array([0.0, 1.0, 2.5, 4.0]), right=True), np.digitize(np.array([1, 2, 3]), np.array([3, 2, 1])), np.digitize(np.array([1, 2, 3]), np.array([3, 2, 1]), right=True))
print(np.digitize(2.5, [1, 2, 3]), np.digitize([[1, 5]], [2]).dtype)
print(np.bincount(np.array([0, 1, 1, 3, 2, 1, 7])), np.bincount(np.array([0, 1, 1, 2]), weights=np.array([0.5, 1.0, 0.25, 2.0])), np.bincount([1, 1], minlength=5), np.bincount(np.array([], dtype=np.int64)))
print(np.bincount([0, 2], weights=[1, 2]).dtype, np.bincount([3], minlength=2))
print(np.column_stack((np.array([1, 2, 3]), np.array([4, 5, 6]))), np.column_stack([np.array([[1], [2]]), np.array([3.5, 4])]), np.column_stack([[1, 2]]).shape)
bad = [
    lambda: np.bincount([-1, 2]),
    lambda: np.bincount([[1]]),
    lambda: np.bincount([1, 2], weights=[1]),
    lambda: np.digitize([1], [1, 3, 2]),
    lambda: np.column_stack([np.ones(2), np.ones(3)]),
    lambda: np.bincount([1], minlength=-1),
]
for f in bad:
    try:
        print(f())
    except ValueError as err:
        # cellscript starts messages with the call, as in "numpy.isin: ".
        message = str(err)
        if message.startswith("numpy."):
            message = message.split(": ", 1)[1]
        print(type(err).__name__, message)
