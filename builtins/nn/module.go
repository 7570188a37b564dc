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
	return classes(append([]*pyobj.Class{LossBase}, LossCatalogue()...)...)
}

func optimClasses() starlark.StringDict {
	return classes(Optimizer, Momentum, SGD, Adam, AdamWeightDecay, RMSProp, Adagrad)
}

func scheduleClasses() starlark.StringDict {
	return classes(LearningRateSchedule, ExponentialDecayLR, NaturalExpDecayLR, InverseDecayLR, CosineDecayLR, PolynomialDecayLR, WarmUpLR)
}

// layerClasses are the activation, normalization, pooling and math
// Cells beyond the ones a Dense network needs.
func layerClasses() starlark.StringDict {
	return classes(BatchNorm2d, LayerNorm, ReLU6, GELU, HSwish, HSigmoid, LeakyReLU, ELU, PReLU,
		AvgPool2d, AvgPool1d, MaxPool1d, Norm, OneHot, Range, ClipByNorm)
}

// Module returns mindspore.nn.
func Module() *core.Module {
	m := classes(Cell, Dense, ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Flatten, Dropout, BatchNorm1d, Conv2d, MaxPool2d, Embedding,
		SequentialCell, CellList, WithLossCell, WithEvalCell, TrainOneStepCell)
	for _, group := range []starlark.StringDict{layerClasses(), lossClasses(), optimClasses(), scheduleClasses(), DynamicLRFuncs()} {
		for k, v := range group {
			m[k] = v
		}
	}
	mod := core.NewModule("mindspore.nn", m)
	mod.Doc = "MindSpore's nn module: Cell, layers, losses, wrappers and optimizers."
	return mod
}

// LossModule returns mindspore.nn.loss.
func LossModule() *core.Module { return core.NewModule("mindspore.nn.loss", lossClasses()) }

// OptimModule returns mindspore.nn.optim.
func OptimModule() *core.Module { return core.NewModule("mindspore.nn.optim", optimClasses()) }

// ScheduleModule returns mindspore.nn.learning_rate_schedule.
func ScheduleModule() *core.Module {
	return core.NewModule("mindspore.nn.learning_rate_schedule", scheduleClasses())
}

// DynamicLRModule returns mindspore.nn.dynamic_lr.
func DynamicLRModule() *core.Module {
	return core.NewModule("mindspore.nn.dynamic_lr", DynamicLRFuncs())
}
