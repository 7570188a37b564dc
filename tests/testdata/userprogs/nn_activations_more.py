"""Activation Cells: the examples of MindSpore r1.6's docstrings."""
import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor

x = Tensor(np.array([[-1.0, 4.0, -8.0], [2.0, -5.0, 9.0]]), mindspore.float32)
leaky_relu = nn.LeakyReLU()
print(leaky_relu(x))

x = Tensor(np.array([-1, -2, 0, 2, 1]), mindspore.float32)
elu = nn.ELU()
print(elu(x))

x = Tensor(np.array([-1, -2, 0, 2, 1]), mindspore.float16)
relu6 = nn.ReLU6()
print(relu6(x))
hsigmoid = nn.HSigmoid()
print(hsigmoid(x))

x = Tensor(np.array([[[[0.1, 0.6], [0.9, 0.9]]]]), mindspore.float32)
prelu = nn.PReLU()
print(prelu(x))
print(prelu.w)

# Negative inputs take the slope; LeakyReLU with alpha > 1 takes the minimum.
x = Tensor(np.array([-2.0, -0.5, 0.0, 3.0]), mindspore.float32)
print(nn.LeakyReLU(alpha=0.5)(x))
print(nn.LeakyReLU(alpha=2)(x))
print(nn.PReLU(w=0.5)(Tensor(np.array([[-2.0], [4.0]]), mindspore.float32)))

dense = nn.Dense(3, 2, activation='leakyrelu')
print(type(dense.activation).__name__)

try:
    nn.ELU(alpha=0.5)
except ValueError as e:
    print("ValueError")
