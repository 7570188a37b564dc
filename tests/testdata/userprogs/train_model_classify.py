"""Train a small classifier with Model, sparse softmax cross entropy and
the Accuracy metric, then evaluate and predict."""
import numpy as np
import mindspore as ms
import mindspore.dataset as ds
from mindspore import nn, Tensor, Model
from mindspore.train.callback import Callback

np.random.seed(0)
points = np.random.randn(64, 2).astype(np.float32)
labels = (points[:, 0] + points[:, 1] > 0).astype(np.int32)


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Dense(2, 8)
        self.relu = nn.ReLU()
        self.fc2 = nn.Dense(8, 2)

    def construct(self, x):
        return self.fc2(self.relu(self.fc1(x)))


class EpochEnd(Callback):
    def epoch_end(self, run_context):
        cb = run_context.original_args()
        print("epoch", cb.cur_epoch_num, "steps", cb.cur_step_num, "loss below 1:", float(cb.net_outputs.asnumpy()) < 1.0)


train = ds.GeneratorDataset(list(zip(points, labels)), ["x", "y"], shuffle=True).batch(16)
net = Net()
loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')
opt = nn.Adam(net.trainable_params(), learning_rate=0.05)
model = Model(net, loss, opt, metrics={"acc": nn.Accuracy()})
model.train(20, train, callbacks=[EpochEnd()], dataset_sink_mode=False)
result = model.eval(ds.GeneratorDataset(list(zip(points, labels)), ["x", "y"], shuffle=False).batch(16), dataset_sink_mode=False)
print(sorted(result.keys()), result["acc"] > 0.9)
pred = model.predict(Tensor(np.array([[2.0, 2.0], [-2.0, -2.0]], np.float32)))
print(pred.shape, pred.asnumpy().argmax(axis=1))
