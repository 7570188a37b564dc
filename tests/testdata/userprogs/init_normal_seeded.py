"""The tutorial's LinearNet with Normal(0.02) initialisers under
mindspore.set_seed: the values come from MindSpore's own generator, so
the program prints only what does not depend on them (names, shapes,
dtypes, that the same seed repeats the values, the scale)."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore.common.initializer import Normal


class LinearNet(nn.Cell):
    def __init__(self):
        super(LinearNet, self).__init__()
        self.fc = nn.Dense(1, 1, Normal(0.02), Normal(0.02))

    def construct(self, x):
        return self.fc(x)


mindspore.set_seed(1)
first = LinearNet()
mindspore.set_seed(1)
second = LinearNet()
for a, b in zip(first.trainable_params(), second.trainable_params()):
    print(a.name, a.shape, a.dtype, a.requires_grad, (a.asnumpy() == b.asnumpy()).all(), np.abs(a.asnumpy()).max() < 0.2)
wide = nn.Dense(4, 3, Normal(0.02))
print(wide.weight.shape, wide.bias.shape, (wide.bias.asnumpy() == 0).all())
