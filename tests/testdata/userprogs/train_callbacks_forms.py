"""Callbacks passed as one object, as a list and as a list in the other order, with a
custom Callback that records cb_params between LossMonitor lines."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor
import mindspore.dataset as ds
from mindspore.train.callback import Callback, LossMonitor


class StepRecorder(Callback):
    def __init__(self):
        super(StepRecorder, self).__init__()
        self.steps = []

    def step_end(self, run_context):
        cb_params = run_context.original_args()
        self.steps.append((cb_params.cur_epoch_num, cb_params.cur_step_num))

    def epoch_end(self, run_context):
        cb_params = run_context.original_args()
        print("epoch_end", cb_params.cur_epoch_num, cb_params.batch_num, cb_params.epoch_num)


x = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]], np.float32)
y = np.array([[1.0], [2.0], [3.0], [4.0]], np.float32)
for form in ["single", "list", "reversed"]:
    dataset = ds.NumpySlicesDataset((x, y), column_names=["data", "label"], shuffle=False).batch(2)
    net = nn.Dense(2, 1, weight_init='zeros', bias_init='zeros')
    model = Model(net, nn.L1Loss(), nn.SGD(net.trainable_params(), learning_rate=0.5))
    recorder = StepRecorder()
    print(form)
    if form == "single":
        model.train(2, dataset, callbacks=LossMonitor(), dataset_sink_mode=False)
    elif form == "list":
        model.train(2, dataset, callbacks=[LossMonitor(), recorder], dataset_sink_mode=False)
    else:
        model.train(2, dataset, callbacks=[recorder, LossMonitor(2)], dataset_sink_mode=False)
    print(recorder.steps)
