package nn_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// TestBiasNoneAndTrainStepAttrs checks attributes that MindSpore r1.6
// sets and user code reads: bias is None without a bias, and
// TrainOneStepCell has grad, grad_reducer and reducer_flag.
func TestBiasNoneAndTrainStepAttrs(t *testing.T) {
	src := errorPrelude + `print(nn.Dense(2, 1, has_bias=False).bias)
print(nn.Conv2d(1, 1, 3).bias)
print(nn.Conv2d(1, 1, 3, has_bias=True).bias.shape)
net = nn.Dense(3, 1, weight_init='ones', bias_init='zeros')
step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), nn.SGD(net.trainable_params(), 0.5))
print(step.grad.get_by_list, step.grad.sens_param, step.reducer_flag)
print(step.grad_reducer(7))
loss = step.network(x, Tensor(np.zeros((4, 1), np.float32)))
grads = step.grad(step.network, step.weights)(x, Tensor(np.zeros((4, 1), np.float32)), ops.Fill()(loss.dtype, loss.shape, 2.0))
print(grads[0], grads[1])
`
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out})
	if _, err := rt.ExecSource(context.Background(), "attrs.py", []byte(src)); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	// The loss is mean((3 - 0)^2) over 4 rows; with sens 2 each weight's
	// gradient is 2 * mean(2 * 3 * 1) = 12 and the bias's is 12.
	want := "None\nNone\n(1,)\nTrue True False\n7\n[[12. 12. 12.]] [12.]\n"
	if got := out.String(); got != want {
		t.Errorf("printed\n%s\nwant\n%s", got, want)
	}
}

// TestGlobalStepParameter checks that an optimizer's global_step is an
// int32 Parameter of shape (1,), as in MindSpore r1.6, counting the
// updates in place.
func TestGlobalStepParameter(t *testing.T) {
	src := `import numpy as np
import mindspore.nn as nn
from mindspore import Tensor, Parameter
p = Parameter(Tensor(np.array([1.0], np.float32)), name="p")
opt = nn.SGD([p], learning_rate=0.1)
step = opt.global_step
print(step)
opt((Tensor(np.array([1.0], np.float32)),))
opt((Tensor(np.array([1.0], np.float32)),))
print(step.asnumpy(), opt.global_step is step)
`
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out})
	if _, err := rt.ExecSource(context.Background(), "step.py", []byte(src)); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := "Parameter (name=global_step, shape=(1,), dtype=Int32, requires_grad=True)\n[2] True\n"
	if got := out.String(); got != want {
		t.Errorf("printed\n%s\nwant\n%s", got, want)
	}
}
