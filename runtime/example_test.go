package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/runtime"
	"go.starlark.net/starlark"
)

// focalSource is a loss script as a user would write it: a binary focal
// loss on probabilities, with gamma as a constructor argument.
const focalSource = `
import mindspore.nn as nn
import mindspore.ops as ops

class FocalLoss(nn.Cell):
    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma
        self.log = ops.Log()

    def construct(self, probs, labels):
        p_t = probs * labels + (1 - probs) * (1 - labels)
        return (-((1 - p_t) ** self.gamma) * self.log(p_t)).mean()
`

// Load a loss script, construct its Cell with a Go argument and call it
// with tensors that wrap Go slices.
func Example() {
	ctx := context.Background()
	rt := runtime.New(runtime.Options{})
	defer rt.Close()

	mod, err := rt.ExecSource(ctx, "focal.py", []byte(focalSource))
	if err != nil {
		fmt.Println(err)
		return
	}
	loss, err := mod.New(ctx, "FocalLoss", []any{2.0}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}

	probs, _ := engine.FromFloat32([]float32{0.9, 0.2, 0.6})
	labels, _ := engine.FromFloat32([]float32{1, 0, 1})
	out, err := loss.Call(ctx, probs, labels)
	if err != nil {
		fmt.Println(err)
		return
	}
	value, _ := out.Float()
	fmt.Printf("focal loss: %.6f\n", value)
	// Output: focal loss: 0.030570
}

// Take gradients of a script-computed loss with respect to a host tensor.
func Example_gradientOfInput() {
	ctx := context.Background()
	rt := runtime.New(runtime.Options{})
	defer rt.Close()
	mod, _ := rt.ExecSource(ctx, "focal.py", []byte(focalSource))
	loss, _ := mod.New(ctx, "FocalLoss", nil, map[string]any{"gamma": 2.0})

	probs, _ := engine.FromFloat32([]float32{0.9, 0.2, 0.6})
	probs.SetRequiresGrad(true)
	labels, _ := engine.FromFloat32([]float32{1, 0, 1})
	out, err := loss.Call(ctx, probs, labels)
	if err != nil {
		fmt.Println(err)
		return
	}
	lossTensor, _ := out.Tensor()
	grads, err := engine.Grad(lossTensor, []*engine.Tensor{probs}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("d loss / d probs: %.4f\n", grads[0].Floats())
	// Output: d loss / d probs: [-0.0107 0.0464 -0.2251]
}

const linearSource = `
import numpy as np
import mindspore.nn as nn
from mindspore import Parameter, Tensor

class Linear(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.array([0.5, -0.5], np.float32)), name="w")
        self.b = Parameter(Tensor(np.array([0.1], np.float32)), name="b")

    def construct(self, x):
        return (x * self.w).sum(axis=1) + self.b

def mse(net, x, y):
    return ((net(x) - y) ** 2).mean()
`

// Take gradients with respect to a Cell's parameters and apply one SGD
// step in Go, updating the parameters' storage in place.
func Example_gradientOfParameters() {
	ctx := context.Background()
	rt := runtime.New(runtime.Options{})
	defer rt.Close()
	mod, err := rt.ExecSource(ctx, "linear.py", []byte(linearSource))
	if err != nil {
		fmt.Println(err)
		return
	}
	net, _ := mod.New(ctx, "Linear", nil, nil)
	params, _ := net.Parameters()

	x, _ := engine.FromFloat32([]float32{1, 2, 3, 4}, 2, 2)
	y, _ := engine.FromFloat32([]float32{1, 2})
	out, err := mod.Call(ctx, "mse", net, x, y)
	if err != nil {
		fmt.Println(err)
		return
	}
	loss, _ := out.Tensor()
	grads, _ := engine.Grad(loss, params.Tensors(), nil)
	for i, p := range params {
		fmt.Printf("%s: grad %.1f\n", p.Name, grads[i].Floats())
		w, g := p.Tensor.F32(), grads[i].F32()
		for j := range w {
			w[j] -= 0.01 * g[j]
		}
	}
	after, _ := mod.Call(ctx, "mse", net, x, y)
	value, _ := after.Float()
	fmt.Printf("loss %.4f after one step\n", value)
	// Output:
	// w: grad [-8.6 -12.4]
	// b: grad [-3.8]
	// loss 1.8212 after one step
}

// Expose a Go function to scripts as a module that they import.
func ExampleRuntime_RegisterModule() {
	ctx := context.Background()
	rt := runtime.New(runtime.Options{})
	defer rt.Close()

	smooth := runtime.NewFunction("smooth_labels", func(c *runtime.Call) (any, error) {
		var labels *engine.Tensor
		eps := 0.1
		if err := c.Unpack("labels", &labels, "eps?", &eps); err != nil {
			return nil, err
		}
		if eps < 0 || eps >= 1 {
			return nil, runtime.Errorf("ValueError", "smooth_labels: eps %v must be in [0, 1)", eps)
		}
		scaled, err := engine.Mul(labels, engine.Scalar(labels.DType(), 1-eps))
		if err != nil {
			return nil, err
		}
		return engine.Add(scaled, engine.Scalar(labels.DType(), eps/2))
	})
	if err := rt.RegisterModule("hostops", starlark.StringDict{"smooth_labels": smooth}); err != nil {
		fmt.Println(err)
		return
	}

	script := `
from mindspore import Tensor
from hostops import smooth_labels
print(smooth_labels(Tensor([0.0, 1.0]), eps=0.5))
smooth_labels(Tensor([0.0, 1.0]), eps=2)
`
	_, err := rt.ExecSource(ctx, "smooth.py", []byte(script))
	var e *runtime.Error
	if errors.As(err, &e) {
		fmt.Printf("%s: %s (line %d)\n", e.Type, e.Message, e.Traceback[len(e.Traceback)-1].Line)
	}
	// Output:
	// [0.25 0.75]
	// ValueError: smooth_labels: eps 2 must be in [0, 1) (line 5)
}

// A Go-backed class: scripts construct it and call its methods, and
// each instance keeps its Go state.
func ExampleNewClass() {
	type runningMean struct {
		sum   float64
		count int
	}
	class, err := runtime.NewClass(runtime.ClassSpec{
		Name:   "RunningMean",
		Module: "hostops",
		Init: func(c *runtime.Call) (any, error) {
			return &runningMean{}, c.Unpack()
		},
		Methods: []runtime.Method{
			{Name: "add", Func: func(c *runtime.Call) (any, error) {
				var x float64
				if err := c.Unpack("x", &x); err != nil {
					return nil, err
				}
				m := c.State.(*runningMean)
				m.sum += x
				m.count++
				return nil, nil
			}},
			{Name: "mean", Func: func(c *runtime.Call) (any, error) {
				m := c.State.(*runningMean)
				return m.sum / float64(m.count), nil
			}},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	rt := runtime.New(runtime.Options{})
	defer rt.Close()
	if err := rt.RegisterModule("hostops", starlark.StringDict{"RunningMean": class}); err != nil {
		fmt.Println(err)
		return
	}
	script := `
from hostops import RunningMean
m = RunningMean()
for x in [1, 2, 6]:
    m.add(x)
print(m.mean())
`
	if _, err := rt.ExecSource(context.Background(), "mean.py", []byte(script)); err != nil {
		fmt.Println(err)
	}
	// Output: 3.0
}

// Cancel a call through its context: Starlark code stops at its next
// step, and the runtime stays usable.
func Example_cancel() {
	rt := runtime.New(runtime.Options{})
	defer rt.Close()
	mod, _ := rt.ExecSource(context.Background(), "spin.py", []byte(`
def spin():
    while True:
        pass

def ok():
    return "still usable"
`))

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := mod.Call(ctx, "spin")
	var e *runtime.Error
	errors.As(err, &e)
	fmt.Println(e.Type, errors.Is(err, context.DeadlineExceeded))

	out, _ := mod.Call(context.Background(), "ok")
	fmt.Println(out)
	// Output:
	// TimeoutError true
	// still usable
}

const trainSource = `
import numpy as np
import mindspore.nn as nn
import mindspore.dataset as ds
from mindspore import Model, Parameter, Tensor

class Line(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.array([0.0], np.float32)), name="w")
        self.b = Parameter(Tensor(np.array([0.0], np.float32)), name="b")

    def construct(self, x):
        return x * self.w + self.b

def build(lr):
    x = np.arange(16, dtype=np.float32).reshape(16, 1) / 16
    y = 2 * x + 1
    data = ds.NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=False).batch(4)
    net = Line()
    opt = nn.SGD(net.trainable_params(), learning_rate=lr)
    return Model(net, nn.MSELoss(), opt), data
`

// Run a script's Model.train from Go, watching each epoch and stopping
// early from a hook.
func ExampleRuntime_Train() {
	ctx := context.Background()
	rt := runtime.New(runtime.Options{})
	defer rt.Close()
	mod, err := rt.ExecSource(ctx, "train.py", []byte(trainSource))
	if err != nil {
		fmt.Println(err)
		return
	}
	built, err := mod.Call(ctx, "build", 0.1)
	if err != nil {
		fmt.Println(err)
		return
	}
	parts, _ := built.Elements() // build returns (model, dataset)
	model, data := parts[0], parts[1]

	err = rt.Train(ctx, model, data, runtime.TrainOptions{
		Epochs: 10,
		EpochEnd: func(e runtime.TrainEpoch) error {
			fmt.Printf("epoch %d: %d steps, mean loss %.4f\n", e.Epoch, e.Steps, e.MeanLoss)
			if e.Epoch == 2 {
				return runtime.ErrStopTraining
			}
			return nil
		},
	})
	fmt.Println("error:", err)
	// Output:
	// epoch 1: 4 steps, mean loss 2.1419
	// epoch 2: 4 steps, mean loss 0.2775
	// error: <nil>
}
