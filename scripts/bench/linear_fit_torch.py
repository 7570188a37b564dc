# PyTorch version of scripts/tutorial/linear_fit.py, for the whole-process
# row of the benchmark table: fit y = 2x + 3 with a one-unit linear
# layer, an L1 loss and SGD with momentum, printing the loss of each of
# the ten steps.
import numpy as np
import torch

np.random.seed(7)
torch.manual_seed(7)

net = torch.nn.Linear(1, 1)
torch.nn.init.normal_(net.weight, std=0.02)
torch.nn.init.normal_(net.bias, std=0.02)
opt = torch.optim.SGD(net.parameters(), lr=0.005, momentum=0.9)
loss_fn = torch.nn.L1Loss()

x = np.random.uniform(-10.0, 10.0, (160, 1)).astype(np.float32)
y = (x * 2.0 + 3.0 + np.random.normal(0, 1, (160, 1))).astype(np.float32)
for step in range(10):
    xb = torch.from_numpy(x[step * 16:(step + 1) * 16])
    yb = torch.from_numpy(y[step * 16:(step + 1) * 16])
    opt.zero_grad()
    loss = loss_fn(net(xb), yb)
    loss.backward()
    opt.step()
    print("epoch: 1 step: %d, loss is %s" % (step + 1, loss.item()))
print(["fc.weight", "fc.bias"])
