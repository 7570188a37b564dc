"""SequentialCell and CellList: the SequentialCell example of MindSpore
r1.6's docstring, then append and iteration."""
import numpy as np
import mindspore
from mindspore import nn, Tensor

conv = nn.Conv2d(3, 2, 3, pad_mode='valid', weight_init="ones")
relu = nn.ReLU()
seq = nn.SequentialCell([conv, relu])
x = Tensor(np.ones([1, 3, 4, 4]), dtype=mindspore.float32)
output = seq(x)
print(output)
seq.append(nn.Flatten())
print(len(seq), seq(x).shape)
print([name for name, _ in seq.parameters_and_names()])

layers = nn.CellList([nn.Dense(2, 2, weight_init='ones'), nn.ReLU()])
layers.append(nn.Dense(2, 1, weight_init='ones'))
h = Tensor(np.array([[1.0, -3.0]]), mindspore.float32)
for layer in layers:
    h = layer(h)
    print(type(layer).__name__, h)
print(len(layers), len(layers.trainable_params()))
