"""The learning-rate lists of mindspore.nn, the examples of their
MindSpore r1.6 docstrings."""
import mindspore.nn as nn

milestone = [2, 5, 10]
learning_rates = [0.1, 0.05, 0.01]
print(nn.piecewise_constant_lr(milestone, learning_rates))

learning_rate = 0.1
decay_rate = 0.9
total_step = 6
step_per_epoch = 2
decay_epoch = 1
print(nn.exponential_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch))
print(nn.exponential_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, 2, True))

min_lr = 0.01
max_lr = 0.1
total_step = 6
step_per_epoch = 2
decay_epoch = 2
print(nn.cosine_decay_lr(min_lr, max_lr, total_step, step_per_epoch, decay_epoch))
