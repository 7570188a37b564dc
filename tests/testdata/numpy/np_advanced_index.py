import numpy as np
a = np.arange(12).reshape(3, 4)
print(a[[0, 1], [1, 2]])
print(a[[[0], [2]], [1, 3]])
print(a[np.array([0, 2]), 1:])
print(a[1:, [0, 3]])
print(a[[0, -1]])
print(a[[True, False, True]])
print(a[:, [True, False, True, False]])
print(a[a > 5])
print(a[[2, 0], ...])
print(a[None, [0, 1], [1, 2]])
print(a[[]].shape, a[[], :].shape)
b = np.arange(60).reshape(3, 4, 5)
print(b[[0, 2], :, [1, 3]])
print(b[:, [0, 2], [1, 3]])
print(b[[0, 2], [1, 3]].shape)
print(b[1, [0, 2], 1:4])
print(b[[0, 1], 2, [3, 4]])
print(b[:, 1, [0, 4]].shape, b[0, :, [1]].shape, b[[0], :, 1].shape)
print(b[:, [0], None, [1]].shape)
print(b[np.array([[0, 1], [2, 0]]), :, np.array([1, 2])].shape)
print(b[..., [0, 4]].shape, b[[1], ..., [2]].shape)
m = np.array([[True, False, True, False], [False, True, False, True], [True, True, False, False]])
print(b[m])
print(b[m].shape, b[:, m[0]].shape)
print(b[np.int64(1), :, [0]])
print(b[[2, 0, 1]][:, [3]].shape)
i = np.array([2, 0])
print(a[i, i], a[i[:, None], i])
c = np.zeros((3, 4))
c[[0, 2], [1, 3]] = 5
c[1, [0, 2]] = [7, 8]
c[[0, 1, 2], :] += 1
c[c > 6] = -1
print(c)
d = np.zeros(5, dtype=np.int64)
d[[0, 0, 3]] = [1, 2, 3]
print(d)
e = np.arange(24).reshape(2, 3, 4)
e[[0, 1], :, [0, 3]] = 0
print(e)
e[:, [True, False, True]] = 99
print(e)
for bad in ([0, 5], [-4], 3):
    try:
        a[bad]
    except IndexError as err:
        print("IndexError:", err)
try:
    a[[0, 1], [0, 1, 2]]
except IndexError as err:
    print("IndexError:", err)
try:
    a[[True, False]]
except IndexError as err:
    print("IndexError:", err)
try:
    a[:, [True, False]]
except IndexError as err:
    print("IndexError:", err)
try:
    a[np.array([1.0])]
except IndexError as err:
    print("IndexError:", err)
try:
    a[1, [0, 4]]
except IndexError as err:
    print("IndexError:", err)
try:
    c[[0, 5], 0] = 1
except IndexError as err:
    print("IndexError:", err)
try:
    c[[0, 1], [0, 1]] = [1, 2, 3]
except ValueError as err:
    print("ValueError:", err)
for key in [np.array([True, False, True]), (slice(None), [True, False, True, False]), c > -5]:
    try:
        c[key] = [1, 2, 3]
    except ValueError as err:
        print("ValueError:", err)
try:
    c[1:, :2] = [1, 2, 3]
except ValueError as err:
    print("ValueError:", err)
f = np.arange(6.0).reshape(2, 3)
f[[1, 0], [2, 0]] *= 10
f[:, np.array([0, 2])] = np.array([[-1], [-2]])
print(f, f[[1]][0][[2, 2, 0]])
