package nn_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

const errorPrelude = `import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter
from mindspore.common.initializer import initializer, HeUniform, Normal
w = Parameter(Tensor(np.ones((2, 3), np.float32)), name="w")
b = Parameter(Tensor(np.ones((2,), np.float32)), name="b")
x = Tensor(np.ones((4, 3), np.float32))
`

// TestInvalidArgumentsRaise checks that bad arguments raise the Python
// exception MindSpore raises, with a message naming the value.
func TestInvalidArgumentsRaise(t *testing.T) {
	cases := []struct {
		name, code, kind, msg string
	}{
		{"dense zero channels", "nn.Dense(0, 2)", "ValueError", "in_channels"},
		{"dense bool channels", "nn.Dense(True, 2)", "TypeError", "in_channels"},
		{"dense unknown activation", "nn.Dense(3, 2, activation='swish')", "KeyError", "'swish'"},
		{"dense unknown init name", "nn.Dense(3, 2, weight_init='bogus')", "ValueError", "'bogus'"},
		{"dense init tensor shape", "nn.Dense(3, 2, weight_init=Tensor(np.ones((3, 2), np.float32)))", "ValueError", "(3, 2)"},
		{"dense input width", "nn.Dense(2, 2)(x)", "ValueError", "in_channels 2"},
		{"dense int32 input", "nn.Dense(3, 2)(Tensor(np.ones((4, 3), np.int32)))", "TypeError", "x.astype(mindspore.float32)"},
		{"dense float64 input", "nn.Dense(3, 2)(Tensor(np.ones((4, 3))))", "TypeError", "input dtype float64"},
		{"he uniform on bias", "nn.Dense(3, 2, bias_init='he_uniform')", "ValueError", "fewer than 2 dimensions"},
		{"he uniform mode", "HeUniform(mode='fan_avg')", "ValueError", "fan_avg"},
		{"he nonlinearity", "HeUniform(nonlinearity='gelu')", "ValueError", "gelu"},
		{"negative sigma", "initializer(Normal(-1.0), [2, 2])", "ValueError", "sigma"},
		{"initializer zero dim", "initializer('ones', [0, 2])", "ValueError", "positive"},
		{"sparse by name", "initializer('sparse', [2, 2])", "TypeError", "sparsity"},
		{"dropout keep zero", "nn.Dropout(keep_prob=0.0)", "ValueError", "(0, 1]"},
		{"dropout keep int", "nn.Dropout(keep_prob=1)", "TypeError", "keep_prob"},
		{"dropout p one", "nn.Dropout(p=1.0)", "ValueError", "[0, 1)"},
		{"batchnorm momentum", "nn.BatchNorm1d(3, momentum=1.5)", "ValueError", "momentum"},
		{"batchnorm channels", "nn.BatchNorm1d(4)(x)", "ValueError", "num_features is 4"},
		{"batchnorm rank", "nn.BatchNorm1d(3)(Tensor(np.ones((2, 3, 2, 2), np.float32)))", "ValueError", "2-D"},
		{"conv padding mode", "nn.Conv2d(2, 4, 3, pad_mode='valid', padding=1)", "ValueError", "pad_mode='pad'"},
		{"conv pad mode name", "nn.Conv2d(2, 4, 3, pad_mode='full')", "ValueError", "'full'"},
		{"conv group", "nn.Conv2d(2, 4, 3, group=3)", "ValueError", "group = 3"},
		{"conv kernel", "nn.Conv2d(2, 4, (3, 3, 3))", "ValueError", "kernel_size"},
		{"conv input channels", "nn.Conv2d(3, 4, 3)(Tensor(np.ones((1, 2, 5, 5), np.float32)))", "ValueError", "in_channels is 3"},
		{"pool padding", "nn.MaxPool2d(2, pad_mode='pad', padding=2)", "ValueError", "half of kernel_size"},
		{"pool ceil mode", "nn.MaxPool2d(2, ceil_mode=True)", "NotImplementedError", "ceil_mode"},
		{"pool rank", "nn.MaxPool2d(2)(x)", "ValueError", "4-D"},
		{"embedding float ids", "nn.Embedding(5, 3)(x)", "TypeError", "int32"},
		{"embedding padding idx", "nn.Embedding(5, 3, padding_idx=5)", "ValueError", "padding_idx"},
		{"embedding id range", "nn.Embedding(5, 3)(Tensor(np.array([7], np.int32)))", "IndexError", "7"},
		{"flatten dims", "nn.Flatten(start_dim=5)(x)", "ValueError", "start_dim"},
		{"momentum int momentum", "nn.Momentum([w], 0.1, 1)", "TypeError", "momentum"},
		{"momentum negative momentum", "nn.Momentum([w], 0.1, -0.5)", "ValueError", "momentum"},
		{"negative learning rate", "nn.Momentum([w], -0.1, 0.9)", "ValueError", "learning_rate"},
		{"learning rate string", "nn.Momentum([w], 'fast', 0.9)", "TypeError", "learning_rate"},
		{"learning rate 2-d", "nn.Momentum([w], Tensor(np.ones((2, 2), np.float32)), 0.9)", "ValueError", "1-D"},
		{"loss scale zero", "nn.Momentum([w], 0.1, 0.9, loss_scale=0.0)", "ValueError", "loss_scale"},
		{"negative weight decay", "nn.SGD([w], weight_decay=-1.0)", "ValueError", "weight_decay"},
		{"empty params", "nn.Adam([])", "ValueError", "empty"},
		{"params not parameters", "nn.Adam([x])", "TypeError", "Parameter or dict"},
		{"group unknown key", "nn.Adam([{'params': [w], 'momentum': 0.1}])", "KeyError", "'momentum'"},
		{"group duplicate", "nn.Adam([{'params': [w]}, {'params': [w, b]}])", "RuntimeError", "more than one group"},
		{"order params missing", "nn.Adam([{'params': [w]}, {'params': [b]}, {'order_params': [w]}])", "ValueError", "order_params"},
		{"sgd nesterov", "nn.SGD([w], momentum=0.0, nesterov=True)", "ValueError", "nesterov"},
		{"adam beta", "nn.Adam([w], beta1=1.0)", "ValueError", "beta1"},
		{"rmsprop epsilon", "nn.RMSProp([w], epsilon=0.0)", "ValueError", "epsilon"},
		{"adagrad accum", "nn.Adagrad([w], accum=-1.0)", "ValueError", "accum"},
		{"gradient count", "nn.SGD([w, b])((Tensor(np.ones((2, 3), np.float32)),))", "ValueError", "1 gradients for 2 parameters"},
		{"gradient shape", "nn.SGD([w])((Tensor(np.ones((3, 2), np.float32)),))", "ValueError", "shape (3, 2)"},
		{"custom optimizer construct", "class O(nn.Optimizer):\n    pass\nO(0.1, [w])((w,))", "NotImplementedError", "construct"},
		{"schedule decay steps", "nn.ExponentialDecayLR(0.1, 0.9, 0)", "ValueError", "decay_steps"},
		{"schedule int rate", "nn.ExponentialDecayLR(1, 0.9, 2)", "TypeError", "learning_rate"},
		{"cosine bounds", "nn.CosineDecayLR(0.1, 0.01, 4)", "ValueError", "max_lr"},
		{"schedule base", "nn.LearningRateSchedule()(Tensor(1, ms.int32))", "NotImplementedError", "construct"},
		{"piecewise order", "nn.piecewise_constant_lr([2, 1], [0.1, 0.2])", "ValueError", "milestone[1]"},
		{"piecewise lengths", "nn.piecewise_constant_lr([2], [0.1, 0.2])", "ValueError", "size"},
		{"warmup epoch", "nn.warmup_lr(0.1, 6, 2, 0)", "ValueError", "warmup_epoch"},
		{"grad nothing", "ms.grad(lambda t: t, None, None)", "ValueError", "both be None"},
		{"grad position range", "ms.grad(lambda t: t, 1)(x)", "IndexError", "grad_position 1"},
		{"grad aux single output", "ms.grad(lambda t: t.sum(), 0, has_aux=True)(x)", "ValueError", "more than one output"},
		{"grad non tensor output", "ms.grad(lambda t: 'a')(x)", "TypeError", "Tensor"},
		{"grad weights type", "ms.grad(lambda t: t, None, [x])", "TypeError", "Parameters"},
		{"grad op without weights", "ops.GradOperation(get_by_list=True)(lambda t: t)", "TypeError", "weights"},
		{"grad op no inputs", "ops.GradOperation()(lambda: x)()", "TypeError", "no inputs"},
		{"grad op sens missing", "ops.GradOperation(sens_param=True)(lambda t: t)()", "TypeError", "sensitivity"},
		{"train one step network", "nn.TrainOneStepCell(1, nn.SGD([w]))", "TypeError", "Cell"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out})
			_, err := rt.ExecSource(context.Background(), "case.py", []byte(errorPrelude+c.code+"\n"))
			var re *runtime.Error
			if !errors.As(err, &re) {
				t.Fatalf("%s: got error %v, want %s", c.code, err, c.kind)
			}
			if re.Type != c.kind {
				t.Errorf("%s: raised %s: %s; want %s", c.code, re.Type, re.Message, c.kind)
			}
			if !strings.Contains(re.Message, c.msg) {
				t.Errorf("%s: message %q does not mention %q", c.code, re.Message, c.msg)
			}
		})
	}
}
