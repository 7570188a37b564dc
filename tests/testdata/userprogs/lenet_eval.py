"""A LeNet-5 style net with Model.train, model.eval with Accuracy and
Loss, and model.predict. The last Dense layer starts at zero, so every
logit is 0 before training: accuracy is the share of label 0 and the
loss is log(10)."""
import numpy as np
import mindspore as ms
from mindspore import nn, Model, Tensor, context
import mindspore.dataset as ds

context.set_context(mode=context.GRAPH_MODE, device_target="CPU")
np.random.seed(1)


class LeNet5(nn.Cell):
    def __init__(self, num_class=10, num_channel=1):
        super(LeNet5, self).__init__()
        self.conv1 = nn.Conv2d(num_channel, 6, 5, pad_mode='valid', weight_init='ones')
        self.conv2 = nn.Conv2d(6, 16, 5, pad_mode='valid', weight_init='ones')
        self.fc1 = nn.Dense(16 * 5 * 5, 120, weight_init='ones')
        self.fc2 = nn.Dense(120, 84, weight_init='ones')
        self.fc3 = nn.Dense(84, num_class, weight_init='zeros')
        self.relu = nn.ReLU()
        self.max_pool2d = nn.MaxPool2d(kernel_size=2, stride=2)
        self.flatten = nn.Flatten()

    def construct(self, x):
        x = self.max_pool2d(self.relu(self.conv1(x)))
        x = self.max_pool2d(self.relu(self.conv2(x)))
        x = self.flatten(x)
        x = self.relu(self.fc1(x))
        x = self.relu(self.fc2(x))
        x = self.fc3(x)
        return x


images = (np.random.rand(8, 1, 32, 32) / 1000).astype(np.float32)
labels = np.array([0, 1, 0, 3, 0, 5, 6, 0], np.int32)
dataset = ds.NumpySlicesDataset({"image": images, "label": labels}, shuffle=False).batch(4)
net = LeNet5()
loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')
opt = nn.Momentum(net.trainable_params(), learning_rate=0.01, momentum=0.9)
model = Model(net, loss, opt, metrics={"Accuracy": nn.Accuracy(), "Loss": nn.Loss()})
print(model.eval(dataset, dataset_sink_mode=False))
print(model.predict(Tensor(images[:2])))
model.train(1, dataset, dataset_sink_mode=False)
out = model.predict(Tensor(images))
print(out.shape, out.dtype)
