// Package mindspore assembles the top-level `mindspore` module and its
// submodules from the builtins packages.
package mindspore

import (
	"github.com/cellscript/cellscript/builtins/checkpoint"
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/dataset"
	"github.com/cellscript/cellscript/builtins/initializer"
	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/builtins/numpy"
	"github.com/cellscript/cellscript/builtins/ops"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/builtins/train"
	"go.starlark.net/starlark"
)

// Modules returns every importable module of the library by its full
// dotted name. Each call builds fresh module values.
func Modules() map[string]func() *core.Module {
	return map[string]func() *core.Module{
		"numpy":                                     numpy.Module,
		"mindspore":                                 Module,
		"mindspore.nn":                              nnModule,
		"mindspore.nn.loss":                         nn.LossModule,
		"mindspore.nn.optim":                        nn.OptimModule,
		"mindspore.nn.learning_rate_schedule":       nn.ScheduleModule,
		"mindspore.nn.dynamic_lr":                   nn.DynamicLRModule,
		"mindspore.nn.metrics":                      train.MetricsModule,
		"mindspore.ops":                             ops.Module,
		"mindspore.ops.operations":                  ops.Module,
		"mindspore.ops.functional":                  ops.Module,
		"mindspore.dataset":                         dataset.Module,
		"mindspore.dataset.config":                  dataset.ConfigModule,
		"mindspore.dataset.transforms":              dataset.TransformsModule,
		"mindspore.dataset.transforms.c_transforms": dataset.CTransformsModule,
		"mindspore.train":                           train.Module,
		"mindspore.train.callback":                  train.CallbackModule,
		"mindspore.train.model":                     modelModule,
		"mindspore.train.serialization":             checkpoint.Module,
		"mindspore.common":                          commonModule,
		"mindspore.common.initializer":              initializer.Module,
		"mindspore.common.dtype":                    dtypeModule,
		"mindspore.context":                         contextModule,
	}
}

func modelModule() *core.Module {
	return core.NewModule("mindspore.train.model", starlark.StringDict{"Model": train.Model})
}

func dtypeModule() *core.Module {
	return core.NewModule("mindspore.common.dtype", dtypeMembers())
}

func commonModule() *core.Module {
	m := starlark.StringDict{
		"Tensor":    tensor.TensorType,
		"Parameter": tensor.ParameterType,
		"set_seed":  starlark.NewBuiltin("set_seed", setSeed),
		"dtype":     dtypeModule(),
	}
	return core.NewModule("mindspore.common", m)
}

// Module returns the top-level mindspore module.
func Module() *core.Module {
	m := starlark.StringDict{
		"Tensor":         tensor.TensorType,
		"Parameter":      tensor.ParameterType,
		"Model":          train.Model,
		"set_seed":       starlark.NewBuiltin("set_seed", setSeed),
		"get_seed":       starlark.NewBuiltin("get_seed", getSeed),
		"set_context":    starlark.NewBuiltin("set_context", setContext),
		"get_context":    starlark.NewBuiltin("get_context", getContext),
		"set_device":     starlark.NewBuiltin("set_device", setDevice),
		"GRAPH_MODE":     starlark.MakeInt(0),
		"PYNATIVE_MODE":  starlark.MakeInt(1),
		"dtype":          dtypeModule(),
		"value_and_grad": starlark.NewBuiltin("value_and_grad", valueAndGrad),
		"grad":           starlark.NewBuiltin("grad", gradFn),
		"ParameterTuple": starlark.NewBuiltin("ParameterTuple", parameterTuple),
	}
	for k, v := range dtypeMembers() {
		m[k] = v
	}
	for k, v := range checkpoint.Members() {
		m[k] = v
	}
	mod := core.NewModule("mindspore", m)
	mod.Doc = "MindSpore's Python API on the cellscript engine: Tensor, Parameter, Model, set_seed, set_context and the nn, ops, dataset and train modules."
	return mod
}

func setSeed(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seed int64
	if err := starlark.UnpackArgs("set_seed", args, kwargs, "seed", &seed); err != nil {
		return nil, err
	}
	if seed < 0 || seed > 1<<32-1 {
		return nil, core.Errorf("ValueError", "set_seed: seed must be in [0, 4294967295], but got %d", seed)
	}
	core.EnvOf(thread).SetMindSporeSeed(seed)
	// mindspore.set_seed also seeds the dataset pipeline, as
	// mindspore.dataset.config.set_seed does.
	dataset.SetSeed(core.EnvOf(thread), uint32(seed))
	return starlark.None, nil
}

func getSeed(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if s, ok := core.EnvOf(thread).MindSporeSeed(); ok {
		return starlark.MakeInt64(s), nil
	}
	return starlark.None, nil
}

// nnModule is mindspore.nn with the metric classes, which MindSpore
// also exports there (nn.Accuracy).
func nnModule() *core.Module {
	m := nn.Module()
	for k, v := range train.MetricsModule().Members {
		m.Members[k] = v
	}
	return m
}
