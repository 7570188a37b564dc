"""save_checkpoint, load_checkpoint and load_param_into_net, printing
the names, shapes and values that come back."""
import os
import numpy as np
import mindspore as ms
from mindspore import nn, Tensor, Parameter, save_checkpoint, load_checkpoint, load_param_into_net


class Net(nn.Cell):
    def __init__(self, init):
        super(Net, self).__init__()
        self.fc = nn.Dense(2, 2, weight_init=init, bias_init=init)
        self.scale = Parameter(Tensor(np.array([0.5], np.float32)), name='scale')

    def construct(self, x):
        return self.fc(x) * self.scale


net = Net('ones')
net.fc.weight.set_data(Tensor(np.array([[1.0, 2.0], [3.0, 4.0]], np.float32)))
ms.save_checkpoint(net, "roundtrip.ckpt")
param_dict = load_checkpoint("roundtrip.ckpt")
for name, param in param_dict.items():
    print(name, param.name, param.shape, param.dtype)
    print(param.asnumpy())

other = Net('zeros')
print(other(Tensor(np.array([[1.0, 1.0]], np.float32))))
not_loaded = load_param_into_net(other, param_dict)
print(not_loaded)
print(other(Tensor(np.array([[1.0, 1.0]], np.float32))))
print(other.fc.weight.asnumpy())

save_checkpoint([{"name": "w", "data": Tensor(np.arange(3), ms.int32)}], "list.ckpt")
print(load_checkpoint("list.ckpt")["w"].asnumpy())
os.remove("roundtrip.ckpt")
os.remove("list.ckpt")
