import numpy as np

v = np.array([1, 2, 3])
print(np.diag(v))
print(repr(np.diag(v, k=1)))
print(repr(np.diag(v, -2)))
print(repr(np.diag([1.5, 2.5])))
print(repr(np.diag(np.array([True, False]))))
print(repr(np.diag(np.array([4, 5], dtype=np.int32), 1)))
print(repr(np.diag(np.array([1.0, 2.0], dtype=np.float32))))

a = np.arange(12).reshape(3, 4)
print(repr(np.diag(a)))
print(repr(np.diag(a, 1)))
print(repr(np.diag(a, k=-1)))
print(repr(np.diag(a, 5)))
print(repr(a.diagonal()))
print(repr(a.diagonal(2)))
print(repr(a.diagonal(offset=-2)))
print(repr(np.diagonal(a, 1)))

b = np.arange(24).reshape(2, 3, 4)
print(repr(b.diagonal()))
print(repr(b.diagonal(1, 2, 0)))
print(repr(b.diagonal(0, -1, -2)))
print(repr(b.trace()))
print(repr(b.trace(-1, 1, 2)))

print(repr(a.trace()))
print(repr(a.trace(1)))
print(repr(a.trace(7)))
print(repr(np.trace(a, -1)))
print(repr(np.trace(a, offset=1, dtype=np.float32)))
print(repr(np.ones((2, 2), np.int32).trace()))
print(repr(np.ones((3, 3), np.float32).trace()))
print(repr(np.array([[True, False], [True, True]]).trace()))
t = np.array([[1.5, 2.0], [3.0, 4.25]]).trace(dtype=np.int32)
print(repr(t), t.dtype)
t = np.arange(4, dtype=np.int32).reshape(2, 2).trace()
print(repr(t), t.dtype)
t = np.ones((2, 2, 2), np.float32).trace()
print(repr(t), t.dtype)
print(np.trace(np.eye(4)))

print(repr(np.eye(3, k=1)))
print(repr(np.eye(3, k=-1, dtype=np.int32)))
print(repr(np.eye(2, 4, k=2)))
print(repr(np.eye(3, k=5)))

# numpy.* functions may prefix their name to the message, so these
# checks look for NumPy's text inside it.
for f in [lambda: np.diag(np.zeros((2, 2, 2))),
          lambda: np.diag(5)]:
    try:
        f()
    except ValueError as e:
        print("ValueError", "Input must be 1- or 2-d." in str(e))
try:
    np.trace(a, 0, 0, -3)
except ValueError as e:
    print("ValueError", "axis -3 is out of bounds" in str(e))

for f in [lambda: np.arange(3).diagonal(),
          lambda: np.arange(3).trace(),
          lambda: a.diagonal(0, 1, 1)]:
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
