import mindspore as ms
from mindspore import nn, ops
from mindspore.common.initializer import Normal
import mindspore.dataset as ds


class LeNet5(nn.Cell):
    """LeNet-5 for 32x32 single-channel images."""

    def __init__(self, num_class: int = 10, num_channel: int = 1) -> None:
        super(LeNet5, self).__init__()
        self.conv1 = nn.Conv2d(num_channel, 6, 5, pad_mode='valid')
        self.conv2 = nn.Conv2d(6, 16, 5, pad_mode='valid')
        self.fc1 = nn.Dense(16 * 5 * 5, 120, weight_init=Normal(0.02))
        self.fc2 = nn.Dense(120, num_class)
        self.relu = nn.ReLU()
        self.max_pool2d = nn.MaxPool2d(kernel_size=2, stride=2)
        self.flatten = nn.Flatten()

    def construct(self, x):
        x = self.max_pool2d(self.relu(self.conv1(x)))
        x = self.max_pool2d(self.relu(self.conv2(x)))
        x = self.flatten(x)
        return self.fc2(self.relu(self.fc1(x)))

    @property
    def depth(self):
        return 4

    @depth.setter
    def depth(self, value):
        raise_error = value is not None and value <= 0
        self._depth = value


def train_loop(model, dataset, loss_fn, optimizer):
    def forward_fn(data, label):
        logits = model(data)
        loss = loss_fn(logits, label)
        return loss, logits

    grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)
    size = dataset.get_dataset_size()
    model.set_train()
    for batch, (data, label) in enumerate(dataset.create_tuple_iterator()):
        (loss, _), grads = grad_fn(data, label)
        optimizer(grads)
        if batch % 100 == 0:
            loss, current = loss.asnumpy(), batch
            print(f"loss: {loss:>7f}  [{current:>3d}/{size:>3d}]")


def batches(data, size=32):
    for start in range(0, len(data), size):
        yield data[start:start + size, ...]


if __name__ == "__main__":
    net = LeNet5()
    x = ops.ones((1, 1, 32, 32), ms.float32)
    y = net(x)[:, 0:2] @ ops.eye(2) ** 2
    assert y.shape == (1, 2), f"unexpected shape {y.shape}"
    print(0 < y.sum() <= 10)
