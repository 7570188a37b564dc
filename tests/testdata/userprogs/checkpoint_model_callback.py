"""ModelCheckpoint with CheckpointConfig during Model.train, then loading
the saved file. The checkpoint names follow PREFIX-EPOCH_STEP.ckpt."""
import os
import numpy as np
import mindspore as ms
from mindspore import nn, Model
import mindspore.dataset as ds
from mindspore.train.callback import ModelCheckpoint, CheckpointConfig

data = {"data": np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 0.0]], np.float32),
        "label": np.array([[1.0], [2.0], [3.0], [2.0]], np.float32)}
dataset = ds.NumpySlicesDataset(data, shuffle=False).batch(4)
net = nn.Dense(2, 1, weight_init='zeros', bias_init='zeros')
model = Model(net, loss_fn=nn.MSELoss(), optimizer=nn.SGD(net.trainable_params(), learning_rate=0.125))
config = CheckpointConfig(save_checkpoint_steps=1, keep_checkpoint_max=2)
ckpt_cb = ModelCheckpoint(prefix="lin", directory="ckpt_out", config=config)
model.train(3, dataset, callbacks=[ckpt_cb], dataset_sink_mode=False)
names = sorted(n for n in os.listdir("ckpt_out") if n.endswith(".ckpt"))
print(names)
param_dict = ms.load_checkpoint(os.path.join("ckpt_out", "lin-3_1.ckpt"))
for name in ["weight", "bias"]:
    print(name, param_dict[name].asnumpy())
for n in os.listdir("ckpt_out"):
    os.remove(os.path.join("ckpt_out", n))
os.rmdir("ckpt_out")
