"""A custom Callback reading cur_epoch_num, cur_step_num and
net_outputs in step_end, which stops training after the second step
with run_context.request_stop()."""
import numpy as np
import mindspore as ms
from mindspore import nn, Model
import mindspore.dataset as ds
from mindspore.train.callback import Callback


class StopAfter(Callback):
    def __init__(self, steps):
        super(StopAfter, self).__init__()
        self.steps = steps

    def begin(self, run_context):
        print("begin, epochs:", run_context.original_args().epoch_num)

    def step_end(self, run_context):
        cb_params = run_context.original_args()
        print("epoch", cb_params.cur_epoch_num, "step", cb_params.cur_step_num,
              "loss", cb_params.net_outputs)
        if cb_params.cur_step_num >= self.steps:
            run_context.request_stop()

    def epoch_end(self, run_context):
        print("epoch_end", run_context.original_args().cur_epoch_num)

    def end(self, run_context):
        print("end")


data = {"data": np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 0.0]], np.float32),
        "label": np.array([[1.0], [2.0], [3.0], [2.0]], np.float32)}
dataset = ds.NumpySlicesDataset(data, shuffle=False).batch(4)
net = nn.Dense(2, 1, weight_init='zeros', bias_init='zeros')
model = Model(net, loss_fn=nn.MSELoss(), optimizer=nn.SGD(net.trainable_params(), learning_rate=0.125))
model.train(5, dataset, callbacks=[StopAfter(2)], dataset_sink_mode=False)
print(net.weight.asnumpy(), net.bias.asnumpy())
