package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

func classes(cs ...*pyobj.Class) starlark.StringDict {
	d := starlark.StringDict{}
	for _, c := range cs {
		d[c.Name()] = c
	}
	return d
}

func lossClasses() starlark.StringDict {
	return classes(LossBase, L1Loss, MSELoss, SmoothL1Loss, SoftmaxCrossEntropyWithLogits)
}

func optimClasses() starlark.StringDict {
	return classes(Optimizer, Momentum, SGD, Adam)
}

// Module returns mindspore.nn.
func Module() *core.Module {
	m := classes(Cell, Dense, ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Flatten, SequentialCell, CellList, WithLossCell, WithEvalCell, TrainOneStepCell)
	for k, v := range lossClasses() {
		m[k] = v
	}
	for k, v := range optimClasses() {
		m[k] = v
	}
	mod := core.NewModule("mindspore.nn", m)
	mod.Doc = "MindSpore's nn module: Cell, layers, losses, wrappers and optimizers."
	return mod
}

// LossModule returns mindspore.nn.loss.
func LossModule() *core.Module { return core.NewModule("mindspore.nn.loss", lossClasses()) }

// OptimModule returns mindspore.nn.optim.
func OptimModule() *core.Module { return core.NewModule("mindspore.nn.optim", optimClasses()) }
