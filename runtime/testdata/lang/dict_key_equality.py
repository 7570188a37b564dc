d = {1: 'a', True: 'b'}
print(d, len(d))
print({True: 'a', 1: 'b', 1.0: 'c'})
print({0: 'z', False: 'y', 2: 'x'})
d = {}
d[True] = 1
d[1] = 2
print(d)
d[1.0] = 3
print(d)
d = {1: 0}
print(1.0 in d, True in d, d.get(True), d.get(1.0), d.get(False, 'none'))
d = {True: 'x', 0: 'y'}
print(d.get(1), d[1], d[False])
print(d.pop(1.0), d)
del d[False]
print(d)
d = {1: 'one', 2: 'two'}
k = True
d[k] = 'uno'
print(d)
print(d.setdefault(True, 'never'), d)
print(d.pop(True), d)
import numpy as np
d = {np.int64(1): 'x', np.float32(2.5): 'y'}
print(d[1], d[True], d[2.5], 1 in d, 1.0 in d, d.get(1), np.int64(1) in d)
print(type(list(d)[0]).__name__)
e = {1: 'one', 2.0: 'two'}
print(e[np.int64(1)], e[np.int32(2)], e[np.float64(1.0)], np.int64(2) in e, e.get(np.int64(1)))
e[np.int64(1)] = 'uno'
print(e, type(list(e)[0]).__name__)
print({np.int64(1): 'a', 1: 'b', True: 'c'})
del e[np.int64(2)]
print(e)
