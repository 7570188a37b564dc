package tests

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
	"go.starlark.net/starlark"
)

// divergingFit trains a line with a learning rate so large that the
// loss overflows to inf at the third step: 0.764, 6.1e36, inf.
const divergingFit = `import numpy as np
import mindspore as ms
import mindspore.nn as nn
from mindspore import Model
from mindspore import dataset as ds
from mindspore.train.callback import LossMonitor

ms.set_seed(1)
x = np.linspace(-1, 1, 32).reshape(16, 2).astype(np.float32)
y = (x @ np.array([[2.0], [-1.0]], np.float32)).astype(np.float32)
data = ds.NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=False).batch(4)
net = nn.Dense(2, 1)
model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), learning_rate=1e18))
model.train(1, data, callbacks=[LossMonitor()], dataset_sink_mode=False)
`

func runCheckNaN(t *testing.T, src string, hostFlag bool) (string, error) {
	t.Helper()
	var out strings.Builder
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out})
	defer rt.Close()
	if hostFlag {
		rt.Env().SetFlag("check_nan", starlark.True)
	}
	_, err := rt.ExecSource(context.Background(), "nan.py", []byte(src))
	return out.String(), err
}

func TestLossMonitorPrintsInfWithoutCheck(t *testing.T) {
	out, err := runCheckNaN(t, divergingFit, false)
	if err != nil {
		t.Fatalf("training without check_nan failed: %v", err)
	}
	for _, want := range []string{"epoch: 1 step: 3, loss is inf\n", "epoch: 1 step: 4, loss is inf\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestLossMonitorPrintsNaN(t *testing.T) {
	src := strings.Replace(divergingFit, "learning_rate=1e18", "learning_rate=0.1", 1)
	src = strings.Replace(src, "data = ds.", "y[5, 0] = np.nan\ndata = ds.", 1)
	out, err := runCheckNaN(t, src, false)
	if err != nil {
		t.Fatalf("training without check_nan failed: %v", err)
	}
	if !strings.Contains(out, "epoch: 1 step: 2, loss is nan\n") {
		t.Errorf("output lacks the NaN loss of step 2:\n%s", out)
	}
	_, err = runCheckNaN(t, src, true)
	e := wantScriptError(t, err, "FloatingPointError")
	if want := "check_nan: epoch 1 step 2: the loss is nan; the input data or a parameter already held it"; !strings.HasPrefix(e.Message, want) {
		t.Errorf("message %q does not start with %q", e.Message, want)
	}
}

func TestCheckNaNStopsAtFirstInfiniteLoss(t *testing.T) {
	for _, c := range []struct {
		name     string
		src      string
		hostFlag bool
	}{
		{"set_context", strings.Replace(divergingFit, "ms.set_seed(1)\n", "ms.set_seed(1)\nms.set_context(check_nan=True)\n", 1), false},
		{"host flag", divergingFit, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, err := runCheckNaN(t, c.src, c.hostFlag)
			e := wantScriptError(t, err, "FloatingPointError")
			want := "check_nan: epoch 1 step 3: the loss is inf; op MSELoss produced the first non-finite value"
			if !strings.HasPrefix(e.Message, want) {
				t.Errorf("message %q does not start with %q", e.Message, want)
			}
			if strings.Contains(out, "step: 3") {
				t.Errorf("LossMonitor printed the failed step:\n%s", out)
			}
		})
	}
}

// sqrtAtZero trains a network whose loss is sqrt(w * 0): finite (zero),
// with the gradient 0 / (2 * sqrt(0)), NaN, for w.
const sqrtAtZero = `import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter

ms.set_context(check_nan=True)

class Root(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.ones((2,), np.float32)), name="w")

    def construct(self, x):
        return ops.sqrt(self.w * x).sum()

net = Root()
step = nn.TrainOneStepCell(net, nn.SGD(net.trainable_params(), learning_rate=0.1))
step(Tensor(np.zeros((2,), np.float32)))
`

func TestCheckNaNNamesParameterOfNaNGradient(t *testing.T) {
	_, err := runCheckNaN(t, sqrtAtZero, false)
	e := wantScriptError(t, err, "FloatingPointError")
	for _, want := range []string{"check_nan: the gradient of parameter 'w' (shape (2,)) is nan at flat index 0", "while the loss is 0.0"} {
		if !strings.Contains(e.Message, want) {
			t.Errorf("message %q lacks %q", e.Message, want)
		}
	}
}

// wantScriptError returns err as a *runtime.Error of type typ, failing
// the test otherwise.
func wantScriptError(t *testing.T, err error, typ string) *runtime.Error {
	t.Helper()
	var e *runtime.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T), want a %s", err, err, typ)
	}
	if e.Type != typ {
		t.Fatalf("error %s: %s, want a %s", e.Type, e.Message, typ)
	}
	return e
}
