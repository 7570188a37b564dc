"""Dynamic learning-rate Cells called with a global step, the examples
of their MindSpore r1.6 docstrings."""
from mindspore import nn, Tensor
import mindspore.common.dtype as mstype

learning_rate = 0.1
decay_rate = 0.9
decay_steps = 4
global_step = Tensor(2, mstype.int32)
exponential_decay_lr = nn.ExponentialDecayLR(learning_rate, decay_rate, decay_steps)
result = exponential_decay_lr(global_step)
print(result)

min_lr = 0.01
max_lr = 0.1
decay_steps = 4
global_steps = Tensor(2, mstype.int32)
cosine_decay_lr = nn.CosineDecayLR(min_lr, max_lr, decay_steps)
result = cosine_decay_lr(global_steps)
print(result)
