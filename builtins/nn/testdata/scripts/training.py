# Reference case training; written by gen_reference.py.
import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple
from mindspore.common.initializer import Normal, Uniform, TruncatedNormal, XavierUniform, XavierNormal, HeUniform, HeNormal, Zero, One, Constant

out = {}
XS = [Tensor(np.array([[-0.041533893205708695, -1.1479773292204258, -0.1258429559536531], [1.0201485542395077, 1.0296207035290903, -0.06732843978883626], [-0.5997482222645134, 0.2401793210389675, -2.205032913091162], [-0.5652275683893153, 1.5424938517125972, 0.681174532509828]], np.float32)), Tensor(np.array([[0.12645548875127985, -1.3802756411648192, -0.7400670769916011], [-0.428134052298473, 0.11560759448583173, 0.5018360837447702], [-0.08971760630617288, 0.8729182245570354, -0.6186382640111211], [-1.9626679035768344, 1.4507244423990646, -2.193230059092418]], np.float32)), Tensor(np.array([[-0.8400881456365078, 1.0101570349225362, -0.6154956032446284], [-0.7890491042133486, -0.34745911103007504, 1.7246781025655342], [0.4586214011387688, -1.058933153535484, -0.8758911572985771], [-0.9140548395741381, -2.047249927830383, -0.1809345968536964]], np.float32))]
YS = [Tensor(np.array([[-0.7884528649764815, -0.249380210741001], [-0.39148760198418814, -0.8879956687487911], [0.8026323742619949, 1.8419869999244438], [-0.40972848217496693, 1.6879108490159955]], np.float32)), Tensor(np.array([[-1.6325183296855394, -0.1393586693215135], [0.05298655943340216, -0.05990852665954514], [-1.2601700045968012, 1.275819104909709], [0.49937012360984284, 0.5471638866191244]], np.float32)), Tensor(np.array([[-2.6167359185940695, -0.9993986229910597], [-1.1550712567144505, 0.5692234336270907], [0.642837455365341, 0.24915790830144485], [-1.5859072786294084, 1.4310675864509301]], np.float32))]
W = Tensor(np.array([[-0.43149555155981106, 0.43937554664784334, -0.001261818837753155], [1.0611228433226485, 0.20336478300348296, 0.6655727447659999]], np.float32))
B = Tensor(np.array([-1.0436152241182455, -1.2839110882671807], np.float32))

net = nn.Dense(3, 2, W, B)
loss_fn = nn.MSELoss()
opt = nn.Momentum(net.trainable_params(), 0.1, 0.9, weight_decay=0.01)
train = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), opt)
train.set_train()
out["one_step_losses"] = [train(XS[i], YS[i]) for i in range(3)]
out["one_step_w"] = net.weight.asnumpy().copy()
out["one_step_b"] = net.bias.asnumpy().copy()

net2 = nn.Dense(3, 2, W, B)
opt2 = nn.Momentum(net2.trainable_params(), 0.1, 0.9, weight_decay=0.01)
def forward(x, y):
    logits = net2(x)
    return loss_fn(logits, y), logits
grad_fn = ms.value_and_grad(forward, None, opt2.parameters, has_aux=True)
losses = []
for i in range(3):
    (loss, logits), grads = grad_fn(XS[i], YS[i])
    opt2(grads)
    losses.append(loss)
out["loop_losses"] = losses
out["loop_w"] = net2.weight.asnumpy().copy()

net3 = nn.Dense(3, 2, W, B)
eval_net = nn.WithEvalCell(net3, loss_fn)
l3, o3, y3 = eval_net(XS[0], YS[0])
out["eval_loss"] = l3
out["eval_logits"] = o3
out["backbone"] = [nn.WithLossCell(net3, loss_fn).backbone_network == net3]

class ScaledSGD(nn.Optimizer):
    def __init__(self, params, lr):
        super().__init__(lr, params)
    def construct(self, gradients):
        lr = self.get_lr()
        for p, g in zip(self.parameters, gradients):
            p.set_data(p - lr * g)
        return True

net4 = nn.Dense(3, 2, W, B)
train4 = nn.TrainOneStepCell(nn.WithLossCell(net4, loss_fn), ScaledSGD(net4.trainable_params(), 0.5))
out["custom_loss"] = train4(XS[0], YS[0])
out["custom_w"] = net4.weight.asnumpy().copy()
