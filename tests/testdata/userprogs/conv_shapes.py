"""Output shapes of Conv2d with pad_mode 'valid', 'same' and 'pad', and
of MaxPool2d, Flatten and Dense."""
import numpy as np
import mindspore as ms
from mindspore import nn, Tensor

x = Tensor(np.ones([1, 3, 16, 16]), ms.float32)
print(nn.Conv2d(3, 8, 3, pad_mode='valid')(x).shape)
print(nn.Conv2d(3, 8, 3, pad_mode='same')(x).shape)
print(nn.Conv2d(3, 8, 3, stride=2, pad_mode='same')(x).shape)
print(nn.Conv2d(3, 8, 5, stride=2, pad_mode='valid')(x).shape)
print(nn.Conv2d(3, 8, 3, pad_mode='pad', padding=1)(x).shape)
print(nn.Conv2d(3, 8, (3, 5), pad_mode='valid', has_bias=True)(x).shape)
print(nn.MaxPool2d(kernel_size=2, stride=2)(x).shape)
print(nn.MaxPool2d(kernel_size=3, stride=1, pad_mode='same')(x).shape)
print(nn.Flatten()(x).shape)
conv = nn.Conv2d(1, 1, 3, pad_mode='same', weight_init='ones')
y = conv(Tensor(np.ones([1, 1, 3, 3]), ms.float32))
print(y)
print(conv.weight.shape, conv.bias)
print(nn.MaxPool2d(kernel_size=2, stride=1)(y))
