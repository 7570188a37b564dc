import numpy as np
import mindspore.nn as nn
from mindspore import Tensor, Model as M
from mindspore.train.callback import LossMonitor

class Net(nn.Cell):
    """A docstring."""
    scale = 2
    def __init__(self, n=3):
        super(Net, self).__init__()
        self.n = n
    def construct(self, x):
        return x ** 2 + self.n

class Child(Net):
    def __init__(self):
        super().__init__(4)
    @staticmethod
    def helper(a, *rest, key=None, **kw):
        return [a, rest, key, kw]

def get_data(num, w=2.0):
    for i in range(num):
        yield i * w, [i]

rows = list(get_data(3))
for r in rows:
    print(r)
x = 1
x = x + 1
while x < 5:
    x += 1
assert x == 5, "x is %d" % x
print(f"{x:>4d} {rows!r}")
print(nn, Tensor, M, LossMonitor)
print(Net.scale, Net.__doc__)
print(Child.helper(1, 2, 3, key=4))
