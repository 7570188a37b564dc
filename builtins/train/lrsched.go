package train

import (
	"math"
	"strconv"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// LearningRateScheduler changes the optimizer's learning rate after
// each step.
var LearningRateScheduler *pyobj.Class

// lrSetter is the optimizer-state method that replaces a fixed learning
// rate.
type lrSetter interface {
	SetLearningRate(lr float64) error
}

func init() {
	LearningRateScheduler = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "LearningRateScheduler",
		Module: "mindspore.train.callback",
		Doc: `LearningRateScheduler(learning_rate_function)

After each step calls learning_rate_function(lr, cur_step_num) with the
optimizer's current rate (its float32 value, printed and read back as
MindSpore does) and, when the result differs (relative tolerance 1e-10),
makes it the optimizer's rate, rounded to float32.`,
		Bases: []*pyobj.Class{Callback},
		Methods: []pyobj.Method{
			{Name: "__init__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				var fn starlark.Value
				if err := starlark.UnpackArgs("LearningRateScheduler", args, kwargs, "learning_rate_function", &fn); err != nil {
					return nil, err
				}
				if _, ok := fn.(starlark.Callable); !ok {
					return nil, core.Errorf("TypeError", "LearningRateScheduler: learning_rate_function must be callable, not %s", fn.Type())
				}
				return starlark.None, self.DictSet("learning_rate_function", fn)
			}},
			{Name: "step_end", Func: lrSchedulerStepEnd},
		},
	})
}

func lrSchedulerStepEnd(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var rc starlark.Value
	if err := starlark.UnpackArgs("step_end", args, kwargs, "run_context", &rc); err != nil {
		return nil, err
	}
	params, err := cbParams(rc)
	if err != nil {
		return nil, err
	}
	opt := params.Lookup("optimizer")
	state, err := nn.OptimizerOf(opt)
	if err != nil {
		return nil, core.Errorf("ValueError", "LearningRateScheduler: the model has no optimizer to schedule")
	}
	lrT, err := pyobj.CallMethod(thread, opt, "get_lr", nil, nil)
	if err != nil {
		return nil, err
	}
	t, _, ok := tensor.Of(lrT)
	if !ok || t.Numel() != 1 {
		return nil, core.Errorf("ValueError", "LearningRateScheduler: the optimizer has a learning rate per parameter group; it needs one learning rate")
	}
	// MindSpore reads the rate as float(np.array2string(lr)): the
	// shortest decimal of the float32 value, parsed as a float64.
	lr, _ := strconv.ParseFloat(strconv.FormatFloat(t.Float(0), 'g', -1, 32), 64)
	fn, _ := self.DictGet("learning_rate_function")
	res, err := starlark.Call(thread, fn, starlark.Tuple{starlark.Float(lr), params.Lookup("cur_step_num")}, nil)
	if err != nil {
		return nil, err
	}
	newLR, ok := starlark.AsFloat(res)
	if !ok {
		return nil, core.Errorf("TypeError", "LearningRateScheduler: learning_rate_function returned %s, not a number", res.Type())
	}
	if math.Abs(lr-newLR) <= 1e-10*math.Max(math.Abs(lr), math.Abs(newLR)) {
		return starlark.None, nil
	}
	setter, ok := any(state).(lrSetter)
	if !ok {
		return nil, core.Errorf("NotImplementedError", "LearningRateScheduler: this build's %s cannot change its learning rate during training", state.Kind)
	}
	if err := setter.SetLearningRate(float64(float32(newLR))); err != nil {
		return nil, core.Errorf("ValueError", "LearningRateScheduler: %v", err)
	}
	return starlark.None, nil
}
