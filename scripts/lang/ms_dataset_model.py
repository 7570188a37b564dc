"""Model.train over a GeneratorDataset fed by a script class, with a
custom Callback that records losses, as in MindSpore's training guide."""
import numpy as np
import mindspore as ms
import mindspore.dataset as ds
from mindspore import nn, Tensor
from mindspore.train import Model
from mindspore.train.callback import Callback


class LineData:
    """Random-access source: y = 2x + 1 on a fixed grid."""

    def __init__(self, n):
        self.x = np.linspace(-1.0, 1.0, n).astype(np.float32).reshape(n, 1)
        self.y = (2.0 * self.x + 1.0).astype(np.float32)

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return len(self.x)


class LossRecorder(Callback):
    def __init__(self):
        super(LossRecorder, self).__init__()
        self.losses = []

    def on_train_step_end(self, run_context):
        cb_params = run_context.original_args()
        self.losses.append(float(cb_params.net_outputs.asnumpy()))

    def on_train_epoch_end(self, run_context):
        cb_params = run_context.original_args()
        epoch_losses = self.losses[-cb_params.batch_num:]
        print("epoch %d: %d steps, mean loss %.5f" % (cb_params.cur_epoch_num, len(epoch_losses), sum(epoch_losses) / len(epoch_losses)))


data = ds.GeneratorDataset(LineData(8), column_names=["x", "y"], shuffle=False).batch(4)
print("batches per epoch:", data.get_dataset_size(), "columns:", data.get_col_names())
net = nn.Dense(1, 1, weight_init=Tensor(np.array([[0.0]], np.float32)), bias_init="zeros")
model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), learning_rate=0.5))
recorder = LossRecorder()
model.train(3, data, callbacks=[recorder])
print("losses:", [round(v, 5) for v in recorder.losses])
w, b = net.weight.asnumpy()[0, 0], net.bias.asnumpy()[0]
print(f"weight {w:.4f} bias {b:.4f}")
