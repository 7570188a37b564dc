package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/runtime"
)

// huberSource defines a custom loss the MindSpore way: an nn.LossBase
// subclass built from ops primitives, whose get_loss applies the
// reduction chosen at construction.
const huberSource = `
import mindspore.nn as nn
import mindspore.ops as ops

class HuberLoss(nn.LossBase):
    def __init__(self, delta=1.0, reduction="mean"):
        super().__init__(reduction)
        self.delta = delta
        self.abs = ops.Abs()
        self.square = ops.Square()
        self.minimum = ops.Minimum()

    def construct(self, logits, labels):
        error = self.abs(logits - labels)
        quadratic = self.minimum(error, self.delta)
        linear = error - quadratic
        return self.get_loss(0.5 * self.square(quadratic) + self.delta * linear)
`

// Call an nn.LossBase subclass on tensors made in Go, and take the
// gradients of the loss with respect to both Go tensors.
func ExampleModule_New_lossBase() {
	ctx := context.Background()
	rt := runtime.New(runtime.Options{})
	defer rt.Close()
	mod, err := rt.ExecSource(ctx, "huber.py", []byte(huberSource))
	if err != nil {
		fmt.Print(rt.FormatError(err))
		return
	}
	loss, err := mod.New(ctx, "HuberLoss", nil, map[string]any{"delta": 1.0})
	if err != nil {
		fmt.Print(rt.FormatError(err))
		return
	}

	// Mark the Go tensors as gradient leaves before the call, so that
	// autograd records the script's operations on them.
	logits, _ := engine.FromFloat32([]float32{0.5, 2.0, -1.5, 3.0}, 2, 2)
	labels, _ := engine.FromFloat32([]float32{0, 0, 0, 1}, 2, 2)
	logits.SetRequiresGrad(true)
	labels.SetRequiresGrad(true)
	out, err := loss.Call(ctx, logits, labels)
	if err != nil {
		fmt.Print(rt.FormatError(err))
		return
	}

	value, _ := out.Float()
	lossTensor, _ := out.Tensor()
	grads, err := engine.Grad(lossTensor, []*engine.Tensor{logits, labels}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("loss %.5f\n", value)
	fmt.Printf("d loss / d logits %v\n", grads[0].Floats())
	fmt.Printf("d loss / d labels %v\n", grads[1].Floats())
	// Output:
	// loss 1.03125
	// d loss / d logits [0.125 0.25 -0.25 0.25]
	// d loss / d labels [-0.125 -0.25 0.25 -0.25]
}

// lineSource builds a Model from data that the host passes in as engine
// tensors; NumpySlicesDataset accepts them as it accepts numpy arrays.
const lineSource = `
import mindspore.nn as nn
import mindspore.dataset as ds
from mindspore import Model

def build(x, y):
    net = nn.Dense(2, 1, weight_init="zeros")
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
    data = ds.NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=False).batch(4)
    return Model(net, nn.MSELoss(), opt), data, net
`

// Train a script model on data made in Go, watch each step's loss from a
// Go hook, stop half-way when the context's deadline passes, inspect the
// parameters and resume. The printed losses and parameters match a
// float32 NumPy 1.24 re-implementation of the same Dense layer, MSE loss,
// momentum update and batch order.
func ExampleRuntime_Train_deadline() {
	ctx := context.Background()
	rt := runtime.New(runtime.Options{})
	defer rt.Close()
	mod, err := rt.ExecSource(ctx, "line.py", []byte(lineSource))
	if err != nil {
		fmt.Print(rt.FormatError(err))
		return
	}

	// 16 points of y = 3*a - 2*b + 0.5 on a 4 by 4 grid.
	xs := make([]float32, 0, 32)
	ys := make([]float32, 0, 16)
	for i := range 16 {
		a, b := float32(i%4)/4, float32(i/4)/4
		xs = append(xs, a, b)
		ys = append(ys, 3*a-2*b+0.5)
	}
	x, _ := engine.FromFloat32(xs, 16, 2)
	y, _ := engine.FromFloat32(ys, 16, 1)
	built, err := mod.Call(ctx, "build", x, y)
	if err != nil {
		fmt.Print(rt.FormatError(err))
		return
	}
	parts, _ := built.Elements() // build returns (model, dataset, net)
	model, data, net := parts[0], parts[1], parts[2]

	// The StepEnd hook of step 6 waits for the deadline, so that the
	// deadline passes half-way through the 12 steps of 3 epochs
	// whatever the speed of the machine.
	deadlineCtx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	err = rt.Train(deadlineCtx, model, data, runtime.TrainOptions{
		Epochs: 3,
		StepEnd: func(s runtime.TrainStep) error {
			fmt.Printf("epoch %d step %d loss %.4f\n", s.Epoch, s.Step, s.Loss)
			if s.Step == 6 {
				<-deadlineCtx.Done()
			}
			return nil
		},
	})
	var e *runtime.Error
	if errors.As(err, &e) {
		fmt.Println(e.Type, errors.Is(err, context.DeadlineExceeded))
	}

	// The parameters are the Cell's own tensors, so they show the
	// updates of the 6 steps that ran.
	params, _ := net.Parameters()
	for _, p := range params {
		fmt.Printf("%s %.4f\n", p.Name, p.Tensor.Floats())
	}

	// Training again continues from these parameters and from the
	// optimizer's momentum. Epochs count from 1 again.
	err = rt.Train(ctx, model, data, runtime.TrainOptions{
		Epochs: 10,
		EpochEnd: func(e runtime.TrainEpoch) error {
			if e.Epoch%5 == 0 {
				fmt.Printf("epoch %d mean loss %.6f\n", e.Epoch, e.MeanLoss)
			}
			return nil
		},
	})
	fmt.Println("error:", err)
	for _, p := range params {
		fmt.Printf("%s %.4f\n", p.Name, p.Tensor.Floats())
	}
	// Output:
	// epoch 1 step 1 loss 3.3438
	// epoch 1 step 2 loss 1.1690
	// epoch 1 step 3 loss 0.6197
	// epoch 1 step 4 loss 1.9891
	// epoch 2 step 5 loss 0.3983
	// epoch 2 step 6 loss 0.4695
	// TimeoutError true
	// weight [1.1897 -0.4860]
	// bias [1.2152]
	// epoch 5 mean loss 0.128489
	// epoch 10 mean loss 0.004188
	// error: <nil>
	// weight [2.9410 -1.8686]
	// bias [0.4223]
}
