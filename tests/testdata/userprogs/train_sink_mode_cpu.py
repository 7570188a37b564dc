"""dataset_sink_mode=True, Model.train's default, on the CPU: MindSpore
r1.6 has no sink mode there and runs the non-sink loop, so LossMonitor
prints every step as with dataset_sink_mode=False."""
import numpy as np
import mindspore.nn as nn
from mindspore import Model, Tensor, context
import mindspore.dataset as ds
from mindspore.train.callback import LossMonitor

context.set_context(mode=context.GRAPH_MODE, device_target="CPU")
x = np.array([[2.0], [-2.0], [4.0], [1.0]], np.float32)
y = 2 * x
results = []
for sink in [True, False, None]:
    dataset = ds.NumpySlicesDataset((x, y), column_names=["data", "label"], shuffle=False).batch(2)
    net = nn.Dense(1, 1, weight_init='zeros', bias_init='zeros')
    model = Model(net, nn.MSELoss(), nn.Momentum(net.trainable_params(), 0.0625, 0.5))
    print("sink", sink)
    if sink is None:
        model.train(2, dataset, callbacks=[LossMonitor()])
    else:
        model.train(2, dataset, callbacks=[LossMonitor()], dataset_sink_mode=sink)
    results.append(net.weight.asnumpy())
print(results[0], (results[0] == results[1]).all(), (results[1] == results[2]).all())
