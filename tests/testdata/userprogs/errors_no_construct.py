"""A Cell subclass without construct: calling it in PYNATIVE_MODE raises
NotImplementedError from Cell.construct."""
import numpy as np
import mindspore as ms
from mindspore import nn, Tensor, context

context.set_context(mode=context.PYNATIVE_MODE)


class Forgot(nn.Cell):
    def __init__(self):
        super(Forgot, self).__init__()
        self.fc = nn.Dense(2, 1)


net = Forgot()
print(len(net.trainable_params()))
try:
    net(Tensor(np.ones([1, 2]), ms.float32))
except NotImplementedError as e:
    print(type(e).__name__)
