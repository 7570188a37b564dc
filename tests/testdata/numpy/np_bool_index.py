import numpy as np
a = np.arange(6).reshape(2, 3)
for idx in [True, False]:
    r = a[idx]
    print(r.shape, r.dtype)
    print(r)
b = np.array([1.5, 2.5])
print(b[True].shape, b[False].shape, b[True], b[False])
s = np.array(3.0)
print(s[True].shape, s[True], s[False].shape, repr(s[False]))
print(a[True, 0].shape, a[True, 0], a[False, 1:].shape, a[:, True].shape, a[..., False].shape, a[None, True].shape)
print(a[np.bool_(True)].shape, a[np.True_].shape)
c = np.zeros(3)
c[True] = 7
c[False] = 1
print(c)
